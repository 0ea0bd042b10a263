package com.chairside.reporting.meeting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.chairside.reporting.orders.OrderFigures;
import com.chairside.reporting.pipeline.LeadProgress;

/**
 * What is still open, weighted by how likely it is to close, by the month a decision is expected. Three forecast
 * categories: <em>pipeline</em> (qualified leads not yet converted, 25 %), <em>best case</em> (draft orders, quotes,
 * 50 %) and <em>commit</em> (orders submitted and not yet confirmed, 90 %). Leads carry no decision date in their
 * events yet, so a lead is expected to decide three months after it qualified (unless an event names an
 * {@code expectedDecisionDate}); a quote a month after it was drafted; a submitted order within the month after it was
 * submitted.
 */
final class ForecastSection {

	static final Map<String, Double> PROBABILITY = Map.of("pipeline", 0.25, "bestCase", 0.5, "commit", 0.9);

	private ForecastSection() {
	}

	private record Open(String category, String month, BigDecimal value) {
	}

	static Map<String, Object> of(MeetingFacts facts) {
		List<Open> open = openBusiness(facts);
		Map<String, Object> categories = new LinkedHashMap<>();
		BigDecimal weightedTotal = BigDecimal.ZERO;
		for (String category : List.of("pipeline", "bestCase", "commit")) {
			List<Open> of = open.stream().filter((o) -> o.category().equals(category)).toList();
			BigDecimal value = of.stream().map(Open::value).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal weighted = weighted(category, value);
			weightedTotal = weightedTotal.add(weighted);
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("count", of.size());
			c.put("value", Figures.cents(value));
			c.put("probability", PROBABILITY.get(category) * 100);
			c.put("weighted", Figures.cents(weighted));
			categories.put(category, c);
		}
		Map<String, Object> forecast = new LinkedHashMap<>();
		forecast.put("categories", categories);
		forecast.put("weightedTotal", Figures.cents(weightedTotal));
		forecast.put("byMonth", byMonth(open));
		return forecast;
	}

	/**
	 * What may still come in, by category and the month it is expected: qualified leads not converted (pipeline, at
	 * their expected decision or three months after qualifying), draft orders (best case) and submitted ones (commit),
	 * a month after they were drafted or placed.
	 */
	private static List<Open> openBusiness(MeetingFacts facts) {
		List<Open> open = new ArrayList<>();
		for (LeadProgress lead : facts.leads()) {
			if (lead.qualifiedAt() != null && lead.convertedAt() == null && lead.disqualifiedAt() == null) {
				LocalDate decision = (lead.expectedDecisionDate() != null) ? Period.day(lead.expectedDecisionDate())
						: Period.day(lead.qualifiedAt()).plusMonths(3);
				open.add(new Open("pipeline", YearMonth.from(decision).toString(), Figures.money(lead.estimatedValue())));
			}
		}
		for (OrderFigures order : facts.orders()) {
			if ("DRAFT".equals(order.status()) && order.draftedAt() != null) {
				open.add(new Open("bestCase", YearMonth.from(Period.day(order.draftedAt()).plusMonths(1)).toString(),
						Figures.money(order.total())));
			}
			else if ("SUBMITTED".equals(order.status()) && order.placedAt() != null) {
				open.add(new Open("commit", YearMonth.from(Period.day(order.placedAt()).plusMonths(1)).toString(),
						Figures.money(order.total())));
			}
		}
		return open;
	}

	/** Each month's open value by category and weighted, months in order. */
	private static List<Map<String, Object>> byMonth(List<Open> open) {
		Map<String, Map<String, BigDecimal>> months = new TreeMap<>();
		for (Open o : open) {
			Map<String, BigDecimal> month = months.computeIfAbsent(o.month(), (m) -> emptyMonth());
			month.merge(o.category(), o.value(), BigDecimal::add);
			month.merge("weighted", weighted(o.category(), o.value()), BigDecimal::add);
		}
		List<Map<String, Object>> byMonth = new ArrayList<>();
		months.forEach((month, values) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("month", month);
			values.forEach((k, v) -> row.put(k, Figures.cents(v)));
			byMonth.add(row);
		});
		return byMonth;
	}

	private static Map<String, BigDecimal> emptyMonth() {
		Map<String, BigDecimal> month = new LinkedHashMap<>();
		for (String k : List.of("pipeline", "bestCase", "commit", "weighted")) {
			month.put(k, BigDecimal.ZERO);
		}
		return month;
	}

	private static BigDecimal weighted(String category, BigDecimal value) {
		return value.multiply(BigDecimal.valueOf(PROBABILITY.get(category)));
	}

}
