package com.chairside.devstack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * A non-unique index for the MongoDB-wire store, which otherwise accepts such an index and ignores it, so that every
 * query on a non-unique field reads the whole collection. It keeps, for the index's first field, which documents hold
 * each value and which hold the field at all. A query that asks that field for one value ({@code {field: v}},
 * {@code {$eq: v}}) or a few ({@code {$in: [...]}}) gets the documents holding them; one that needs the field to be
 * there ({@code $exists: true}, a range) gets the documents that have it, which for a sparse or partial index, such as
 * the outbox's index of documents with a pending event, are few. The condition may sit in a top-level {@code $and}.
 * The store still matches each document against the whole query, so the index only has to hand it every document that
 * could match: documents whose field is an array are filed under each element; those it cannot file safely (arrays of
 * arrays or documents) are handed to every equality query. Anything else (null, {@code $exists: false}, regular
 * expressions, {@code $ne}, only later fields of a compound index, which a real MongoDB would not serve from it either)
 * is left to the store's full scan.
 *
 * @param <P> where the store keeps a document: a list position (in memory) or a key (on H2)
 */
final class SecondaryIndex<P> extends Index<P> {

	/** The condition of a query that only needs the field to be there. */
	static final List<Object> PRESENT = java.util.Collections.unmodifiableList(new ArrayList<>());

	/** Operators that match only a document holding the field with a value of the bound's kind. */
	private static final Set<String> RANGES = Set.of("$lt", "$lte", "$gt", "$gte");

	private final String field;

	/** Natural order for the in-memory store's positions, so results come in the order its full scan gives. */
	private final Comparator<P> order;

	private final Map<Object, Set<P>> byValue = new HashMap<>();

	/** What each document was filed under, to take it out again when it changes or goes. */
	private final Map<P, Set<Object>> filedUnder = new HashMap<>();

	/** Positions by document id: the store removes a document by the document alone. */
	private final Map<Object, P> byId = new HashMap<>();

	/** Documents whose field this index cannot file: every equality query gets them. */
	private final Set<P> unfiled;

	/** Documents that have the field, whatever its value (null included, as {@code $exists} counts it). */
	private final Set<P> present;

	SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, Comparator<P> order) {
		super(name, keys, sparse);
		this.field = keys.get(0).getKey();
		this.order = order;
		this.unfiled = newSet();
		this.present = newSet();
	}

	@Override
	public P getPosition(Document document) {
		return null; // not unique: the _id index names a document's single position
	}

	@Override
	public void checkAdd(Document document, MongoCollection<P> collection) {
		// no constraint to check
	}

	@Override
	public synchronized void add(Document document, P position, MongoCollection<P> collection) {
		this.byId.put(idOf(document), position);
		file(document, position);
	}

	@Override
	public synchronized P remove(Document document) {
		P position = this.byId.remove(idOf(document));
		if (position != null) {
			unfile(position);
		}
		return position;
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
		// no constraint to check
	}

	@Override
	public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
			MongoCollection<P> collection) {
		unfile(position);
		file(newDocument, position);
	}

	@Override
	public boolean canHandle(Document query) {
		return condition(query) != null;
	}

	@Override
	public synchronized Iterable<P> getPositions(Document query) {
		List<Object> values = condition(query);
		if (values == PRESENT) {
			return new ArrayList<>(this.present);
		}
		Set<P> positions = newSet();
		positions.addAll(this.unfiled);
		for (Object value : values) {
			positions.addAll(this.byValue.getOrDefault(value, Set.of()));
		}
		return new ArrayList<>(positions); // a copy: an update may refile documents while the store iterates
	}

	@Override
	public synchronized long getCount() {
		return this.byId.size();
	}

	@Override
	public long getDataSize() {
		return 0;
	}

	@Override
	public synchronized void drop() {
		this.byValue.clear();
		this.filedUnder.clear();
		this.byId.clear();
		this.unfiled.clear();
		this.present.clear();
	}

	/**
	 * What the query needs of the indexed field, in the query itself or in one of its top-level {@code $and} terms:
	 * the keys it must equal, {@link #PRESENT} when it must only be there, or null when this index cannot tell.
	 */
	private List<Object> condition(Document query) {
		return condition(query, this.field);
	}

	/** {@link #condition(Document)} for any index's first field, {@code field}. */
	static List<Object> condition(Document query, String field) {
		List<Object> found = null;
		if (query.containsKey(field)) {
			found = condition(query.get(field));
		}
		if (found == null && query.get("$and") instanceof Collection<?> terms) {
			for (Object term : terms) {
				if (term instanceof Document document && (found = condition(document, field)) != null) {
					break;
				}
			}
		}
		return found;
	}

	private static List<Object> condition(Object asked) {
		if (!(asked instanceof Document operators)) {
			return scalar(asked) ? List.of(key(asked)) : null;
		}
		if (operators.size() == 1 && operators.containsKey("$eq")) {
			return scalar(operators.get("$eq")) ? List.of(key(operators.get("$eq"))) : null;
		}
		if (operators.size() == 1 && operators.get("$in") instanceof Collection<?> candidates
				&& candidates.stream().allMatch(SecondaryIndex::scalar)) {
			return candidates.stream().map(SecondaryIndex::key).toList();
		}
		boolean needsTheField = !operators.isEmpty() && operators.entrySet()
			.stream()
			.allMatch((operator) -> RANGES.contains(operator.getKey()) && scalar(operator.getValue())
					|| operator.getKey().equals("$exists") && Boolean.TRUE.equals(operator.getValue()));
		return needsTheField ? PRESENT : null;
	}

	private void file(Document document, P position) {
		Object value = valueAt(document, this.field);
		if (!(value instanceof Missing)) {
			this.present.add(position);
		}
		Set<Object> keys = keysOf(value);
		if (keys == null) {
			this.unfiled.add(position);
			return;
		}
		keys.forEach((key) -> this.byValue.computeIfAbsent(key, (k) -> newSet()).add(position));
		this.filedUnder.put(position, keys);
	}

	/**
	 * The keys a document whose field holds {@code value} is filed under: each element of an array, else the value;
	 * none for a missing field, null or a document, which never equal a value a query can ask here; null when the
	 * value cannot be filed safely (an array of arrays or documents), so that every equality query gets it.
	 */
	static Set<Object> keysOf(Object value) {
		Set<Object> keys = new HashSet<>();
		if (value instanceof Collection<?> elements) {
			if (elements.stream().anyMatch((element) -> element instanceof Collection || element instanceof Document)) {
				return null;
			}
			elements.forEach((element) -> keys.add(key(element)));
		}
		else if (!(value instanceof Missing) && value != null && !(value instanceof Document)) {
			keys.add(key(value));
		}
		return keys;
	}

	/**
	 * The field's value, {@link Missing} when the document has none: read segment by segment, so that
	 * {@code pendingEvents.0} of an empty list is missing (the library's reading answers the empty list); a path through
	 * an array of documents is left to the library, which collects the value of each.
	 */
	static Object valueAt(Document document, String path) {
		Object current = document;
		for (String segment : path.split("\\.")) {
			if (current instanceof Document parent) {
				current = parent.containsKey(segment) ? parent.get(segment) : Missing.getInstance();
			}
			else if (current instanceof List<?> list && !segment.isEmpty() && segment.length() < 9
					&& segment.chars().allMatch(Character::isDigit)) {
				int index = Integer.parseInt(segment);
				current = (index < list.size()) ? list.get(index) : Missing.getInstance();
			}
			else if (current instanceof Missing) {
				return current;
			}
			else {
				return Utils.getSubdocumentValueCollectionAware(document, path);
			}
		}
		return current;
	}

	private void unfile(P position) {
		this.unfiled.remove(position);
		this.present.remove(position);
		Set<Object> keys = this.filedUnder.remove(position);
		if (keys == null) {
			return;
		}
		for (Object key : keys) {
			Set<P> positions = this.byValue.get(key);
			positions.remove(position);
			if (positions.isEmpty()) {
				this.byValue.remove(key);
			}
		}
	}

	private Set<P> newSet() {
		return (this.order != null) ? new TreeSet<>(this.order) : new LinkedHashSet<>();
	}

	/** Values the store compares by plain equality; anything else is left to its full scan. */
	static boolean scalar(Object value) {
		return value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof ObjectId
				|| value instanceof UUID || value instanceof Instant || value instanceof Date;
	}

	/** Numbers as the store compares them: 3, 3L and 3.0 are one value (a long too large for a double stays one). */
	static Object key(Object value) {
		if (value instanceof Long number && (long) (double) number != number) {
			return number;
		}
		if (value instanceof Number number) {
			double d = number.doubleValue();
			return (d == 0.0) ? 0.0 : d; // -0.0 equals 0.0 for the store
		}
		return value;
	}

	private static Object idOf(Document document) {
		return key(document.get("_id"));
	}

}
