package com.chairside.reporting.projection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sequence each live projection document held when this process last read it or wrote it, for the most recently
 * used {@link #CAPACITY} documents. It is only ever an expectation: a write made on it is a compare-and-set on
 * exactly {@code {_id, sequence: <remembered>}}, which matches nothing when another writer has moved the document on
 * (and is then decided again on the sequence read), and no write is left out because of it.
 */
final class RememberedSequences {

	/** How many documents' sequences are kept: several times the orders the end-to-end benchmark changes. */
	static final int CAPACITY = 10_000;

	private final Map<Key, Long> held = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, Long> eldest) {
			return size() > CAPACITY;
		}

	};

	/** The sequence document {@code id} of {@code collection} held when last read or written here, or null. */
	synchronized Long of(String collection, String id) {
		return this.held.get(new Key(collection, id));
	}

	/** Document {@code id} of {@code collection} holds {@code sequence}, as just read or written. */
	synchronized void remember(String collection, String id, long sequence) {
		this.held.put(new Key(collection, id), sequence);
	}

	/** What document {@code id} of {@code collection} holds is not known here. */
	synchronized void forget(String collection, String id) {
		this.held.remove(new Key(collection, id));
	}

	private record Key(String collection, String id) {
	}

}
