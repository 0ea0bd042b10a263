package com.chairside.reporting.projection;

/**
 * The ids of the documents a copy's only writer wrote since it found the copy empty, kept as a Bloom filter (about ten
 * bits an id): an id it does not hold is certainly not in the copy, so {@link Projector#applyToOwnCopy} reads no held
 * sequence for it, and one it holds is read as before (about one in a hundred of the others too, when as many ids as
 * expected went in). A writer that did not find the copy empty takes {@link #unknown()}, which holds every id. Used by
 * one thread at a time.
 */
public final class WrittenIds {

	private static final int HASHES = 7;

	private static final int BITS_PER_ID = 10;

	/** 8 MB at most, whatever is expected. */
	private static final long MAX_BITS = 1L << 26;

	private final long[] words;

	private final long bits;

	private WrittenIds(long bits) {
		this.bits = bits;
		this.words = new long[(int) ((bits + 63) / 64)];
	}

	/** For a copy found empty, sized for about {@code expected} ids (more only make reads more frequent). */
	public static WrittenIds ofEmptyCopy(long expected) {
		return new WrittenIds(Math.min(MAX_BITS, Math.max(1024, expected * BITS_PER_ID)));
	}

	/** For a copy that may hold anything: every id may be there. */
	public static WrittenIds unknown() {
		return new WrittenIds(0);
	}

	/** False only when the document was certainly not written to the copy. */
	public boolean mayHold(String collection, String id) {
		if (this.bits == 0) {
			return true;
		}
		long hash = hash(collection, id);
		for (int i = 0; i < HASHES; i++) {
			long bit = bit(hash, i);
			if ((this.words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
				return false;
			}
		}
		return true;
	}

	/** Notes a document about to be written to the copy. */
	public void add(String collection, String id) {
		if (this.bits == 0) {
			return;
		}
		long hash = hash(collection, id);
		for (int i = 0; i < HASHES; i++) {
			long bit = bit(hash, i);
			this.words[(int) (bit >>> 6)] |= 1L << bit;
		}
	}

	/** The {@code i}th bit of an id: double hashing on the two halves of a 64-bit hash. */
	private long bit(long hash, int i) {
		long combined = (hash >>> 32) + i * (hash & 0xffffffffL);
		return Math.floorMod(combined, this.bits);
	}

	private static long hash(String collection, String id) {
		long h = id.hashCode() * 0x9E3779B97F4A7C15L + collection.hashCode();
		h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
		h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
		return h ^ (h >>> 31);
	}

}
