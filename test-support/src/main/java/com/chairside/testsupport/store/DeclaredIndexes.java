package com.chairside.testsupport.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The indexes each collection was given through {@code createIndexes} (by Spring Data's index creation or the service's
 * own), and whether a filter and sort can be served by one of them as MongoDB's planner would: the filter bounds the
 * index's leading field, or the {@code _id} index's, and a sort follows the index's fields after those the filter
 * pins to a value. Indexes are kept when a collection is dropped: a test that drops a collection does not take the
 * service's declared indexes away.
 */
final class DeclaredIndexes {

	/** One index: its fields in order ({@code -} before a descending one), and the fields of its partial filter. */
	record Index(String name, List<String> keys, boolean text, Set<String> partialFields) {

		String leading() {
			return field(this.keys.get(0));
		}

	}

	private final Map<String, List<Index>> byCollection = new ConcurrentHashMap<>();

	void created(String database, BsonDocument command) {
		String collection = command.getString("createIndexes").getValue();
		List<Index> indexes = this.byCollection.computeIfAbsent(database + "." + collection,
				(k) -> new CopyOnWriteArrayList<>());
		for (BsonValue value : command.getArray("indexes", new org.bson.BsonArray())) {
			BsonDocument index = value.asDocument();
			List<String> keys = new ArrayList<>();
			boolean text = false;
			for (Map.Entry<String, BsonValue> key : index.getDocument("key").entrySet()) {
				BsonValue direction = key.getValue();
				text |= direction.isString() && direction.asString().getValue().equals("text");
				keys.add((direction.isNumber() && direction.asNumber().doubleValue() < 0) ? "-" + key.getKey() : key.getKey());
			}
			Set<String> partial = index.containsKey("partialFilterExpression")
					? QueryShape.of(index.getDocument("partialFilterExpression")).fields().keySet() : Set.of();
			String name = index.getString("name", new org.bson.BsonString(String.join("_", keys))).getValue();
			indexes.removeIf((known) -> known.name().equals(name));
			indexes.add(new Index(name, List.copyOf(keys), text, new TreeSet<>(partial)));
		}
	}

	void dropped(String database, BsonDocument command) {
		List<Index> indexes = this.byCollection.get(database + "." + command.getString("dropIndexes").getValue());
		BsonValue index = command.get("index");
		if (indexes != null && index != null && index.isString()) {
			String name = index.asString().getValue();
			indexes.removeIf((known) -> name.equals("*") || known.name().equals(name));
		}
	}

	List<Index> of(String database, String collection) {
		List<Index> declared = new ArrayList<>(List.of(new Index("_id_", List.of("_id"), false, Set.of())));
		declared.addAll(this.byCollection.getOrDefault(database + "." + collection, List.of()));
		return declared;
	}

	/** Why {@code command} would make MongoDB read a whole collection or sort in memory; null when an index serves it. */
	String unserved(StoreCommand command) {
		List<Index> indexes = of(command.database(), command.collection());
		for (QueryShape filter : command.filters()) {
			String reason = unserved(filter, command.sort(), indexes);
			if (reason != null) {
				return reason;
			}
		}
		return null;
	}

	private static String unserved(QueryShape filter, List<String> sort, List<Index> indexes) {
		if (!filter.empty() && !bounds(filter, indexes)) {
			return "no index has a leading field among " + filter.boundingFields();
		}
		if (!sort.isEmpty() && !filter.pointFields().contains("_id") && !sorts(filter, sort, indexes)) {
			return "no index serves the filter and sorts by " + sort;
		}
		if (filter.empty() && sort.isEmpty()) {
			return "no filter: every document is read";
		}
		return null;
	}

	/** Whether some index bounds the scan, for the whole filter or for each branch of its {@code $or}. */
	private static boolean bounds(QueryShape filter, List<Index> indexes) {
		if (boundsFields(filter, indexes)) {
			return true;
		}
		if (filter.anyOf().isEmpty()) {
			return false;
		}
		QueryShape around = new QueryShape(filter.fields(), List.of());
		return filter.anyOf().stream().allMatch((branch) -> bounds(around.and(branch), indexes));
	}

	private static boolean boundsFields(QueryShape filter, List<Index> indexes) {
		Set<String> bounding = filter.boundingFields();
		if (filter.fields().containsKey("$text")) {
			return indexes.stream().anyMatch(Index::text);
		}
		return indexes.stream()
			.anyMatch((index) -> !index.text() && bounding.contains(index.leading())
					&& bounding.containsAll(index.partialFields()));
	}

	/** Whether an index that bounds the filter (or any, for no filter) hands documents out in the sort's order. */
	private static boolean sorts(QueryShape filter, List<String> sort, List<Index> indexes) {
		Set<String> bounding = filter.boundingFields();
		Set<String> points = filter.pointFields();
		for (Index index : indexes) {
			if (index.text() || !(filter.empty() || bounding.contains(index.leading()))) {
				continue;
			}
			List<String> rest = new ArrayList<>(index.keys());
			while (!rest.isEmpty() && points.contains(field(rest.get(0))) && !sort.contains(rest.get(0))
					&& !sort.contains("-" + rest.get(0))) {
				rest.remove(0);
			}
			if (follows(rest, sort, false) || follows(rest, sort, true)) {
				return true;
			}
		}
		return false;
	}

	private static boolean follows(List<String> keys, List<String> sort, boolean reversed) {
		if (keys.size() < sort.size()) {
			return false;
		}
		for (int i = 0; i < sort.size(); i++) {
			String key = reversed ? flip(keys.get(i)) : keys.get(i);
			if (!key.equals(sort.get(i))) {
				return false;
			}
		}
		return true;
	}

	private static String flip(String key) {
		return key.startsWith("-") ? key.substring(1) : "-" + key;
	}

	static String field(String key) {
		return key.startsWith("-") ? key.substring(1) : key;
	}

}
