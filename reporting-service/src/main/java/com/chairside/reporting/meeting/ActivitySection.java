package com.chairside.reporting.meeting;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.chairside.reporting.activity.Demo;
import com.chairside.reporting.activity.LoggedActivity;
import com.chairside.reporting.orders.OrderFigures;
import com.chairside.reporting.pipeline.LeadProgress;

/**
 * What account managers did in the period: calls, visits, demos (completed) and conferences each; how many demos were
 * followed by an order of the account; and the leads captured at conferences, by conference name, with the accounts
 * and orders they turned into (lead, its account from the conversion, that account's orders).
 */
final class ActivitySection {

	/** The label of conference leads without a name (none given, or captured before the events carried it). */
	static final String UNNAMED_CONFERENCE = "Unnamed conference";

	private ActivitySection() {
	}

	static Map<String, Object> of(MeetingFacts facts, Period period) {
		Map<String, List<OrderFigures>> ordersByAccount = facts.ordersByAccount();
		Map<String, Map<String, Long>> byManager = new TreeMap<>();
		for (LoggedActivity activity : facts.activities()) {
			if (period.contains(activity.occurredAt()) && activity.loggedBy() != null) {
				String kind = switch (activity.type()) {
					case "CALL" -> "calls";
					case "VISIT" -> "visits";
					case "CONFERENCE" -> "conferences";
					case "DEMO" -> null; // completed demos are counted from the demos themselves
					default -> "other";
				};
				if (kind != null) {
					manager(byManager, activity.loggedBy()).merge(kind, 1L, Long::sum);
				}
			}
		}
		long demos = 0;
		long followedByOrder = 0;
		for (Demo demo : facts.demos()) {
			if (period.contains(demo.completedAt())) {
				demos++;
				boolean ordered = ordersByAccount.getOrDefault(demo.accountId(), List.of()).stream()
					.anyMatch((o) -> orderedAfter(o, demo.completedAt()));
				followedByOrder += ordered ? 1 : 0;
				String by = (demo.completedBy() != null) ? demo.completedBy() : demo.scheduledBy();
				Map<String, Long> counts = manager(byManager, (by != null) ? by : "UNKNOWN");
				counts.merge("demos", 1L, Long::sum);
				counts.merge("demosFollowedByOrder", ordered ? 1L : 0L, Long::sum);
			}
		}
		return Figures.fields("byAccountManager", byManager, "demos", demos, "demosFollowedByOrder", followedByOrder,
				"demoToOrderRate", Figures.percent(followedByOrder, demos), "conferences",
				conferences(facts.leads(), ordersByAccount, period));
	}

	private static Map<String, Map<String, Object>> conferences(List<LeadProgress> leads,
			Map<String, List<OrderFigures>> ordersByAccount, Period period) {
		Map<String, Map<String, Object>> conferences = new TreeMap<>();
		for (LeadProgress lead : leads) {
			if ("CONFERENCE".equals(lead.source()) && period.contains(lead.capturedAt())) {
				String name = (lead.conferenceName() != null) ? lead.conferenceName() : UNNAMED_CONFERENCE;
				Map<String, Object> c = conferences.computeIfAbsent(name,
						(n) -> Figures.fields("leads", 0L, "converted", 0L, "orders", 0L, "orderValue", BigDecimal.ZERO));
				c.merge("leads", 1L, (a, b) -> (Long) a + (Long) b);
				if (lead.convertedAt() != null) {
					c.merge("converted", 1L, (a, b) -> (Long) a + (Long) b);
					for (OrderFigures order : ordersByAccount.getOrDefault(lead.accountId(), List.of())) {
						if (order.wasPlaced() && !order.wasCancelled()) {
							c.merge("orders", 1L, (a, b) -> (Long) a + (Long) b);
							c.merge("orderValue", Figures.money(order.total()), (a, b) -> Figures.cents(((BigDecimal) a).add((BigDecimal) b)));
						}
					}
				}
			}
		}
		return conferences;
	}

	private static boolean orderedAfter(OrderFigures order, String demoAt) {
		String at = (order.placedAt() != null) ? order.placedAt() : order.draftedAt();
		return at != null && !order.wasCancelled() && !Period.day(at).isBefore(Period.day(demoAt));
	}

	private static Map<String, Long> manager(Map<String, Map<String, Long>> byManager, String manager) {
		return byManager.computeIfAbsent(manager, (m) -> {
			Map<String, Long> counts = new java.util.LinkedHashMap<>();
			for (String k : List.of("calls", "visits", "demos", "conferences", "other", "demosFollowedByOrder")) {
				counts.put(k, 0L);
			}
			return counts;
		});
	}

}
