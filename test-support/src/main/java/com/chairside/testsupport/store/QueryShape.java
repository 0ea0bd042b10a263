package com.chairside.testsupport.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The shape of a filter: each field it names with the operators it applies ({@code =} for equality), and the branches
 * of an {@code $or}; no values. Enough to tell, on MongoDB's terms, whether an index can serve it.
 *
 * @param fields each field named at the top level (or under {@code $and}) and its operators
 * @param anyOf the branches of an {@code $or}, each a shape of its own
 */
public record QueryShape(Map<String, Set<String>> fields, List<QueryShape> anyOf) {

	/** Operators under which MongoDB's planner does not bound an index scan by the field. */
	private static final Set<String> UNBOUNDED = Set.of("$ne", "$nin", "$not", "$nor", "$where", "$expr", "$jsonSchema");

	static final String EQUALS = "=";

	public static QueryShape of(BsonDocument filter) {
		Map<String, Set<String>> fields = new LinkedHashMap<>();
		List<QueryShape> anyOf = new ArrayList<>();
		collect(filter, fields, anyOf);
		return new QueryShape(fields, anyOf);
	}

	private static void collect(BsonDocument filter, Map<String, Set<String>> fields, List<QueryShape> anyOf) {
		for (Map.Entry<String, BsonValue> entry : filter.entrySet()) {
			String key = entry.getKey();
			BsonValue value = entry.getValue();
			if (key.equals("$and") && value.isArray()) {
				value.asArray().forEach((part) -> collect(part.asDocument(), fields, anyOf));
			}
			else if (key.equals("$or") && value.isArray()) {
				value.asArray().forEach((branch) -> anyOf.add(of(branch.asDocument())));
			}
			else if (key.startsWith("$")) {
				fields.computeIfAbsent(key, (k) -> new TreeSet<>()).add(key);
			}
			else {
				fields.computeIfAbsent(key, (k) -> new TreeSet<>()).addAll(operators(value));
			}
		}
	}

	private static Set<String> operators(BsonValue value) {
		if (value.isDocument() && !value.asDocument().isEmpty()
				&& value.asDocument().keySet().stream().allMatch((k) -> k.startsWith("$"))) {
			Set<String> operators = new TreeSet<>(value.asDocument().keySet());
			if (operators.remove("$eq")) {
				operators.add(EQUALS);
			}
			operators.remove("$options"); // goes with $regex
			return operators;
		}
		return Set.of(EQUALS);
	}

	public boolean empty() {
		return this.fields.isEmpty() && this.anyOf.isEmpty();
	}

	/** The fields an index scan can be bounded by. */
	Set<String> boundingFields() {
		Set<String> bounding = new TreeSet<>();
		this.fields.forEach((field, operators) -> {
			if (!field.startsWith("$") && operators.stream().noneMatch(UNBOUNDED::contains)) {
				bounding.add(field);
			}
		});
		return bounding;
	}

	/** The fields the filter pins to one value (equality, or {@code $in}, which the planner also treats as points). */
	Set<String> pointFields() {
		Set<String> points = new TreeSet<>();
		this.fields.forEach((field, operators) -> {
			if (!field.startsWith("$") && Set.of(EQUALS, "$in").containsAll(operators)) {
				points.add(field);
			}
		});
		return points;
	}

	/** This shape with another's fields added (a branch of an {@code $or} with the conditions around it). */
	QueryShape and(QueryShape other) {
		Map<String, Set<String>> merged = new LinkedHashMap<>();
		this.fields.forEach((field, operators) -> merged.put(field, new TreeSet<>(operators)));
		other.fields.forEach((field, operators) -> merged.computeIfAbsent(field, (k) -> new TreeSet<>()).addAll(operators));
		return new QueryShape(merged, other.anyOf);
	}

	@Override
	public String toString() {
		List<String> parts = new ArrayList<>();
		this.fields.forEach((field, operators) -> parts.add(
				field + ((operators.equals(Set.of(field)) ? "" : ":" + String.join(",", operators)))));
		if (!this.anyOf.isEmpty()) {
			parts.add("$or:" + this.anyOf);
		}
		return "{" + String.join(" ", parts) + "}";
	}

}
