package com.chairside.reporting.meeting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.chairside.reporting.orders.OrderFigures;

/**
 * The order book of the period: orders submitted and confirmed (count, value), changes and cancellations with their
 * reasons and value effect, and the value submitted and confirmed by product line.
 */
final class OrderBookSection {

	private OrderBookSection() {
	}

	static Map<String, Object> of(List<OrderFigures> orders, Period period) {
		List<OrderFigures> submitted = orders.stream().filter((o) -> o.wasPlaced() && period.contains(o.placedAt())).toList();
		List<OrderFigures> confirmed = orders.stream().filter((o) -> period.contains(o.confirmedAt())).toList();
		Map<String, Object> book = new LinkedHashMap<>();
		book.put("submitted", countAndValue(submitted));
		book.put("confirmed", countAndValue(confirmed));
		book.put("changes", changes(orders, period));
		book.put("cancellations", cancellations(orders, period));
		Map<String, Map<String, BigDecimal>> byLine = new TreeMap<>();
		submitted.stream().filter((o) -> !o.wasCancelled()).forEach((o) -> addLines(byLine, o, "submitted"));
		confirmed.stream().filter((o) -> !o.wasCancelled()).forEach((o) -> addLines(byLine, o, "confirmed"));
		book.put("byProductLine", byLine);
		return book;
	}

	/** The changes made in the period, each with the change of the order's value it made. */
	private static Map<String, Object> changes(List<OrderFigures> orders, Period period) {
		List<Map<String, Object>> changes = new ArrayList<>();
		BigDecimal changeEffect = BigDecimal.ZERO;
		for (OrderFigures order : orders) {
			for (OrderFigures.Change change : order.changeLogOrEmpty()) {
				if (period.contains(change.at())) {
					BigDecimal effect = (change.totalAfter() != null)
							? Figures.money(change.totalAfter()).subtract(Figures.money(change.totalBefore())) : BigDecimal.ZERO;
					changeEffect = changeEffect.add(effect);
					Map<String, Object> item = new LinkedHashMap<>();
					item.put("orderId", order.orderId());
					item.put("at", change.at());
					item.put("reason", change.reason());
					item.put("valueEffect", Figures.cents(effect));
					changes.add(item);
				}
			}
		}
		changes.sort(Comparator.comparing((Map<String, Object> c) -> String.valueOf(c.get("at"))));
		return Figures.fields("count", changes.size(), "valueEffect", Figures.cents(changeEffect), "items", changes);
	}

	/** The orders cancelled in the period, each taking its value off the book. */
	private static Map<String, Object> cancellations(List<OrderFigures> orders, Period period) {
		List<Map<String, Object>> cancellations = new ArrayList<>();
		BigDecimal cancelled = BigDecimal.ZERO;
		for (OrderFigures order : orders) {
			if (order.wasCancelled() && period.contains(order.cancelledAt())) {
				BigDecimal value = Figures.money(order.total());
				cancelled = cancelled.add(value);
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("orderId", order.orderId());
				item.put("at", order.cancelledAt());
				item.put("reason", order.cancelReason());
				item.put("statusBefore", order.cancelledStatusBefore());
				item.put("valueEffect", Figures.cents(value.negate()));
				cancellations.add(item);
			}
		}
		cancellations.sort(Comparator.comparing((Map<String, Object> c) -> String.valueOf(c.get("at"))));
		Map<String, Object> cancellation = new LinkedHashMap<>();
		cancellation.put("count", cancellations.size());
		cancellation.put("valueEffect", Figures.cents(cancelled.negate()));
		cancellation.put("items", cancellations);
		return cancellation;
	}

	private static void addLines(Map<String, Map<String, BigDecimal>> byLine, OrderFigures order, String what) {
		order.valueByProductLineOrEmpty().forEach((line, value) -> {
			Map<String, BigDecimal> values = byLine.computeIfAbsent(line, (l) -> {
				Map<String, BigDecimal> v = new LinkedHashMap<>();
				v.put("submitted", Figures.cents(BigDecimal.ZERO));
				v.put("confirmed", Figures.cents(BigDecimal.ZERO));
				return v;
			});
			values.merge(what, Figures.money(value), (a, b) -> Figures.cents(a.add(b)));
		});
	}

	private static Map<String, Object> countAndValue(List<OrderFigures> orders) {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("count", orders.size());
		figures.put("value", Figures.cents(orders.stream().map((o) -> Figures.money(o.total())).reduce(BigDecimal.ZERO, BigDecimal::add)));
		return figures;
	}

}
