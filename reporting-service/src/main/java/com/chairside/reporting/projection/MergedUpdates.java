package com.chairside.reporting.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import org.springframework.data.mongodb.core.query.Update;

/**
 * The updates of one document's consecutive events folded into as few updates as MongoDB accepts: a later
 * {@code $set} of a field replaces an earlier one, {@code $inc}s add up, {@code $push}es become one {@code $push} with
 * {@code $each} in their order. An update that touches a field another operator already touches, or uses any other
 * operator, starts a new update, so applying the result in order has exactly the effect of applying each event's.
 */
final class MergedUpdates {

	private final List<Fold> folds = new ArrayList<>();

	private int count;

	/** Adds the next update of the document. */
	void add(Update update) {
		this.count++;
		Fold last = this.folds.isEmpty() ? null : this.folds.get(this.folds.size() - 1);
		if (last == null || !last.absorb(update.getUpdateObject())) {
			Fold fold = new Fold();
			if (!fold.absorb(update.getUpdateObject())) {
				fold.unmergeable = update;
			}
			this.folds.add(fold);
		}
	}

	/** How many updates were added. */
	int count() {
		return this.count;
	}

	/** The updates to apply in order, usually one. */
	List<Update> updates() {
		return this.folds.stream().map(Fold::update).toList();
	}

	/** One update being folded. */
	private static final class Fold {

		private final Map<String, Object> set = new LinkedHashMap<>();

		private final Map<String, Number> inc = new LinkedHashMap<>();

		private final Map<String, List<Object>> push = new LinkedHashMap<>();

		/** An update that cannot be folded with anything, applied as it is. */
		private Update unmergeable;

		/** Folds {@code next} in, or changes nothing and answers false when it does not fold. */
		boolean absorb(Document next) {
			if (this.unmergeable != null) {
				return false;
			}
			for (Map.Entry<String, Object> operation : next.entrySet()) {
				if (!(operation.getValue() instanceof Document fields) || !fits(operation.getKey(), fields)) {
					return false;
				}
			}
			for (Map.Entry<String, Object> operation : next.entrySet()) {
				Document fields = (Document) operation.getValue();
				switch (operation.getKey()) {
					case "$set" -> this.set.putAll(fields);
					case "$inc" -> fields.forEach((field, by) -> this.inc.merge(field, (Number) by, Fold::sum));
					default -> fields.forEach((field, value) -> this.push.computeIfAbsent(field, (f) -> new ArrayList<>()).add(value));
				}
			}
			return true;
		}

		/** Whether {@code fields} under {@code operator} can join this update without a conflict. */
		private boolean fits(String operator, Document fields) {
			Map<String, ?> same = switch (operator) {
				case "$set" -> this.set;
				case "$inc" -> this.inc;
				case "$push" -> this.push;
				default -> null;
			};
			if (same == null) {
				return false;
			}
			for (Map.Entry<String, Object> field : fields.entrySet()) {
				if (operator.equals("$inc") && !isIntegral(field.getValue())) {
					return false;
				}
				if (operator.equals("$push") && field.getValue() instanceof Document modifiers
						&& modifiers.keySet().stream().anyMatch((k) -> k.startsWith("$"))) {
					return false; // $each, $slice...: left as they are
				}
				for (Map<String, ?> others : List.of(this.set, this.inc, this.push)) {
					for (String other : others.keySet()) {
						boolean overlaps = other.equals(field.getKey()) || other.startsWith(field.getKey() + ".")
								|| field.getKey().startsWith(other + ".");
						if (overlaps && (others != same || !other.equals(field.getKey()))) {
							return false;
						}
					}
				}
			}
			return true;
		}

		private static boolean isIntegral(Object value) {
			return value instanceof Integer || value instanceof Long;
		}

		private static Number sum(Number a, Number b) {
			if (a instanceof Integer x && b instanceof Integer y) {
				return Math.addExact(x, y);
			}
			return Math.addExact(a.longValue(), b.longValue());
		}

		Update update() {
			if (this.unmergeable != null) {
				return this.unmergeable;
			}
			Update update = new Update();
			this.set.forEach(update::set);
			this.inc.forEach(update::inc);
			this.push.forEach((field, values) -> {
				if (values.size() == 1) {
					update.push(field, values.get(0));
				}
				else {
					update.push(field).each(values.toArray());
				}
			});
			return update;
		}

	}

}
