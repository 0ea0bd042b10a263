package com.chairside.reporting.meeting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;

import com.chairside.reporting.orders.OrderFigures;
import com.chairside.reporting.pipeline.LeadProgress;
import com.chairside.reporting.targets.RegionTarget;

/**
 * Every target of the regional plan against what happened in the period, and the pace needed for the rest of it. A
 * month's target is the month's; a quarter's is the sum of its months'; a year's is the year's, or the sum of its
 * months' when no year target was set. With all regions, the regions' targets are added up.
 */
final class TargetsSection {

	static final List<String> METRICS = List.of("leadsCaptured", "leadsQualified", "leadsConverted", "bookings");

	private TargetsSection() {
	}

	/** One metric: target, actual, attainment in percent (null without a target). */
	record Entry(Number target, Number actual, Double attainment) {
	}

	/** What is still to do and how fast: per day and per week over the days left in the period. */
	record Pace(Number remaining, long daysLeft, Double neededPerDay, Double neededPerWeek) {
	}

	static Map<String, Entry> targets(MeetingFacts facts, Period period) {
		List<RegionTarget> plan = planFor(facts.targets(), period);
		Map<String, Entry> targets = new LinkedHashMap<>();
		targets.put("leadsCaptured", entry(sum(plan, RegionTarget::leadsCaptured),
				count(facts.leads(), period, LeadProgress::capturedAt)));
		targets.put("leadsQualified", entry(sum(plan, RegionTarget::leadsQualified),
				count(facts.leads(), period, LeadProgress::qualifiedAt)));
		targets.put("leadsConverted", entry(sum(plan, RegionTarget::leadsConverted),
				count(facts.leads(), period, LeadProgress::convertedAt)));
		BigDecimal bookingsTarget = plan.stream()
			.map((t) -> Figures.money(t.bookingsAmount()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal booked = booked(facts.orders(), period);
		targets.put("bookings", new Entry(Figures.cents(bookingsTarget), Figures.cents(booked),
				Figures.percent(booked, bookingsTarget)));
		return targets;
	}

	static Map<String, Pace> pace(Map<String, Entry> targets, Period period, LocalDate today) {
		long daysLeft = period.daysLeft(today);
		Map<String, Pace> pace = new LinkedHashMap<>();
		targets.forEach((metric, entry) -> {
			BigDecimal remaining = new BigDecimal(entry.target().toString()).subtract(new BigDecimal(entry.actual().toString()))
				.max(BigDecimal.ZERO);
			Number shown = metric.equals("bookings") ? Figures.cents(remaining) : (Number) remaining.longValue();
			Double perDay = (daysLeft == 0) ? null
					: remaining.divide(BigDecimal.valueOf(daysLeft), 2, RoundingMode.HALF_UP).doubleValue();
			Double perWeek = (daysLeft == 0) ? null
					: remaining.multiply(BigDecimal.valueOf(7)).divide(BigDecimal.valueOf(daysLeft), 2, RoundingMode.HALF_UP)
						.doubleValue();
			pace.put(metric, new Pace(shown, daysLeft, perDay, perWeek));
		});
		return pace;
	}

	/** Value of the orders submitted in the period and not cancelled since. */
	static BigDecimal booked(List<OrderFigures> orders, Period period) {
		return orders.stream()
			.filter((o) -> o.wasPlaced() && !o.wasCancelled() && period.contains(o.placedAt()))
			.map((o) -> Figures.money(o.total()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static List<RegionTarget> planFor(List<RegionTarget> targets, Period period) {
		if (period.isYear()) {
			String year = period.label();
			Set<String> regionsWithYear = new java.util.HashSet<>();
			targets.stream().filter((t) -> year.equals(t.period())).forEach((t) -> regionsWithYear.add(t.region()));
			return targets.stream()
				.filter((t) -> year.equals(t.period())
						|| (!regionsWithYear.contains(t.region()) && period.months().contains(t.period())))
				.toList();
		}
		return targets.stream().filter((t) -> period.months().contains(t.period())).toList();
	}

	private static long sum(List<RegionTarget> plan, ToLongFunction<RegionTarget> metric) {
		return plan.stream().mapToLong(metric).sum();
	}

	private static long count(List<LeadProgress> leads, Period period, java.util.function.Function<LeadProgress, String> at) {
		return leads.stream().filter((l) -> period.contains(at.apply(l))).count();
	}

	private static Entry entry(long target, long actual) {
		return new Entry(target, actual, Figures.percent(actual, target));
	}

}
