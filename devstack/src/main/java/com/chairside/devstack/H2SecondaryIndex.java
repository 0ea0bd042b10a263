package com.chairside.devstack;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * {@link SecondaryIndex}'s answers for the store on an H2 file, kept in maps of that file instead of the heap: the
 * store's process has a small heap, and an index of a collection the benchmarks fill with a million documents does
 * not fit in it, while MVStore keeps only the pages it reads in its cache. Entries are {@code [value, position]} keys
 * (on H2 a document's position is its {@code _id}), so one value's documents are one ordered run of the map. Keys are
 * written as text ({@link #text}): MVStore orders other objects only among instances of one comparable class and
 * fails on the rest (two documents, a date beside an object id), and an index needs only equal values side by side.
 * <p>
 * The maps are emptied when the store opens the file and refilled from the collection (the library fills an empty
 * index so): a file written by a SIGKILLed store may hold an index one background commit apart from its collection,
 * and a renamed collection's index stays under its old name. A range or {@code $exists} query is served only when
 * the documents holding the field are fewer than half of the collection (the outbox's pending events); otherwise the
 * store's own scan, which reads the collection in order, is cheaper than reading it by key.
 */
final class H2SecondaryIndex extends Index<Object> {

	private static final ObjectDataType ORDER = new ObjectDataType();

	private final String field;

	private final MVMap<Object, Document> collection;

	/** {@code [value, position]} as text, to the position. */
	private final MVMap<Object[], Object> byValue;

	/** Positions as text, to the position. */
	private final MVMap<String, Object> present;

	private final MVMap<String, Object> unfiled;

	/**
	 * @param mapName the prefix of this index's maps in {@code store}
	 * @param collection the collection's own map, by {@code _id}
	 * @param first whether this is the maps' first opening since the store opened the file: only then are they emptied
	 * (a later one is the library asking again for an index that exists, whose maps are in use)
	 */
	H2SecondaryIndex(MVStore store, String mapName, MVMap<Object, Document> collection, boolean first, String name,
			List<IndexKey> keys, boolean sparse) {
		super(name, keys, sparse);
		this.field = keys.get(0).getKey();
		this.collection = collection;
		this.byValue = store.openMap(mapName + ".values");
		this.present = store.openMap(mapName + ".present");
		this.unfiled = store.openMap(mapName + ".unfiled");
		if (first) {
			drop();
		}
	}

	@Override
	public Object getPosition(Document document) {
		return null; // not unique: the _id index names a document's single position
	}

	@Override
	public void checkAdd(Document document, MongoCollection<Object> collection) {
		// no constraint to check
	}

	@Override
	public void add(Document document, Object position, MongoCollection<Object> collection) {
		file(document, position);
	}

	@Override
	public Object remove(Document document) {
		Object position = document.get("_id");
		unfile(document, position);
		return position;
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
		// no constraint to check
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, Object position,
			MongoCollection<Object> collection) {
		unfile(oldDocument, position);
		file(newDocument, position);
	}

	@Override
	public boolean canHandle(Document query) {
		List<Object> values = SecondaryIndex.condition(query, this.field);
		return values != null && (values != SecondaryIndex.PRESENT || this.present.size() * 2 < this.collection.size());
	}

	@Override
	public Iterable<Object> getPositions(Document query) {
		List<Object> values = SecondaryIndex.condition(query, this.field);
		if (values == SecondaryIndex.PRESENT) {
			return inOrder(new ArrayList<>(this.present.values()));
		}
		Set<Object> positions = new LinkedHashSet<>(this.unfiled.values());
		for (Object value : values) {
			String asked = text(value);
			Cursor<Object[], Object> run = this.byValue.cursor(new Object[] { asked });
			while (run.hasNext() && asked.equals(run.next()[0])) {
				positions.add(run.getValue());
			}
		}
		return inOrder(new ArrayList<>(positions));
	}

	@Override
	public long getCount() {
		return this.present.size();
	}

	@Override
	public long getDataSize() {
		return 0;
	}

	@Override
	public void drop() {
		this.byValue.clear();
		this.present.clear();
		this.unfiled.clear();
	}

	private void file(Document document, Object position) {
		String at = text(position);
		Object value = SecondaryIndex.valueAt(document, this.field);
		if (!(value instanceof Missing)) {
			this.present.put(at, position);
		}
		Set<Object> keys = SecondaryIndex.keysOf(value);
		if (keys == null) {
			this.unfiled.put(at, position);
			return;
		}
		keys.forEach((key) -> this.byValue.put(new Object[] { text(key), at }, position));
	}

	private void unfile(Document document, Object position) {
		String at = text(position);
		this.present.remove(at);
		this.unfiled.remove(at);
		Set<Object> keys = SecondaryIndex.keysOf(SecondaryIndex.valueAt(document, this.field));
		if (keys != null) {
			keys.forEach((key) -> this.byValue.remove(new Object[] { text(key), at }));
		}
	}

	/**
	 * The positions in the collection's order, as the store's own scan gives them, where the file can order them: it
	 * orders ids of one comparable class (text, numbers, object ids), which is what the services' collections hold.
	 */
	private static List<Object> inOrder(List<Object> positions) {
		try {
			positions.sort(ORDER::compare);
		}
		catch (UnsupportedOperationException ex) {
			// ids the file cannot order among themselves: any order is an order the store may give
		}
		return positions;
	}

	/**
	 * A value or position as text, one text per value the store tells apart: its kind and its value ({@link SecondaryIndex#key}
	 * has made equal numbers one {@code Double}).
	 */
	static String text(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof String string) {
			return "s:" + string;
		}
		if (value instanceof Date date) {
			return "date:" + date.getTime();
		}
		return value.getClass().getSimpleName() + ":" + value;
	}

}
