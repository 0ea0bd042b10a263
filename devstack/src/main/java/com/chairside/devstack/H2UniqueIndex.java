package com.chairside.devstack;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A unique index (the {@code _id} index among them) on the store's H2 file, keyed by its values as text
 * ({@link H2SecondaryIndex#text}) instead of the library's key objects. MVStore orders objects of a class it does not
 * know by their Java serialisation, so the library's index serialised both keys at every step of every lookup: about
 * half of the store's time under the end-to-end benchmark, since every insert checks each unique index and every
 * update by {@code _id} or by a conditional write's fields looks one up. A text key is compared as it is.
 * <p>
 * Each entry holds the document's position and the library's key (a range query over the index reads them back). The
 * map is emptied when the store opens the file and refilled from the collection, as the library fills an empty index
 * ({@link H2SecondaryIndex} does the same), so that a file written by an older store, which keyed this index
 * otherwise, is read right; the map the library kept for the same index is removed then.
 */
final class H2UniqueIndex extends AbstractUniqueIndex<Object> {

	/** Text of the key to {@code [position, key]}. */
	private final MVMap<String, Object[]> entries;

	/**
	 * @param mapName this index's map in {@code store}
	 * @param libraryMapName the map the library keeps for this index, removed if a file has it
	 * @param first whether this is the map's first opening since the store opened the file: only then is it emptied
	 * (a later one is the library asking again for an index that exists, whose map is in use)
	 */
	H2UniqueIndex(MVStore store, String mapName, String libraryMapName, boolean first, String name, List<IndexKey> keys,
			boolean sparse) {
		super(name, keys, sparse);
		this.entries = store.openMap(mapName);
		if (first) {
			if (store.hasMap(libraryMapName)) {
				store.removeMap(libraryMapName);
			}
			this.entries.clear();
		}
	}

	@Override
	protected Object removeDocument(KeyValue key) {
		return position(this.entries.remove(text(key)));
	}

	@Override
	protected boolean putKeyPosition(KeyValue key, Object position) {
		return this.entries.putIfAbsent(text(key), new Object[] { Missing.ofNullable(position), key }) == null;
	}

	@Override
	protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
		return () -> this.entries.values()
			.stream()
			.<Map.Entry<KeyValue, Object>>map((entry) -> new SimpleImmutableEntry<>((KeyValue) entry[1], entry[0]))
			.iterator();
	}

	@Override
	protected Object getPosition(KeyValue key) {
		return position(this.entries.get(text(key)));
	}

	@Override
	public long getCount() {
		return this.entries.sizeAsLong();
	}

	@Override
	public boolean isEmpty() {
		return this.entries.isEmpty();
	}

	@Override
	public long getDataSize() {
		return getCount();
	}

	@Override
	public void drop() {
		super.drop();
		this.entries.clear();
	}

	private static Object position(Object[] entry) {
		return (entry != null) ? entry[0] : null;
	}

	/** The key's values as text, each with its length, so that no two keys share a text. */
	static String text(KeyValue key) {
		return textOf(key.stream().toList());
	}

	private static String textOf(Object value) {
		if (value instanceof byte[] bytes) {
			return "bytes:" + Arrays.toString(bytes);
		}
		if (value instanceof List<?> list) {
			return "list:" + list.stream().map(H2UniqueIndex::textOf).map((text) -> text.length() + ":" + text)
				.collect(Collectors.joining());
		}
		return H2SecondaryIndex.text(value);
	}

}
