package com.chairside.reporting.meeting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.chairside.reporting.orders.OrderFigures;
import com.chairside.reporting.pipeline.LeadProgress;
import com.chairside.reporting.pipeline.OpenedAccount;

/**
 * The market by region and by specialty in the period: won (orders submitted and not cancelled), lost (leads
 * disqualified and orders cancelled), the average order value and each product line's share of the value won. An
 * order's specialty is its account's.
 */
final class MarketSection {

	private MarketSection() {
	}

	private static final class Market {

		long won;

		long lostLeads;

		long lostOrders;

		BigDecimal wonValue = BigDecimal.ZERO;

		final Map<String, BigDecimal> byLine = new TreeMap<>();

		Map<String, Object> figures() {
			Map<String, Object> share = new LinkedHashMap<>();
			this.byLine.forEach((line, value) -> share.put(line, Figures.percent(value, this.wonValue)));
			return Figures.fields("won", this.won, "wonValue", Figures.cents(this.wonValue), "lost",
					this.lostLeads + this.lostOrders, "lostLeads", this.lostLeads, "lostOrders", this.lostOrders,
					"averageOrderValue", (this.won == 0) ? null
							: this.wonValue.divide(BigDecimal.valueOf(this.won), 2, RoundingMode.HALF_UP),
					"shareByProductLine", share);
		}

	}

	static Map<String, Object> of(MeetingFacts facts, Period period) {
		Map<String, OpenedAccount> accounts = facts.accountsById();
		Function<OrderFigures, String> specialty = (o) -> {
			OpenedAccount account = accounts.get(o.accountId());
			return (account != null && account.specialty() != null) ? account.specialty() : "UNKNOWN";
		};
		Map<String, Market> byRegion = new TreeMap<>();
		Map<String, Market> bySpecialty = new TreeMap<>();
		for (OrderFigures order : facts.orders()) {
			for (Map<String, Market> by : java.util.List.of(byRegion, bySpecialty)) {
				String key = (by == byRegion) ? order.region() : specialty.apply(order);
				if (order.wasPlaced() && !order.wasCancelled() && period.contains(order.placedAt())) {
					Market m = by.computeIfAbsent(key, (k) -> new Market());
					m.won++;
					m.wonValue = m.wonValue.add(Figures.money(order.total()));
					order.valueByProductLineOrEmpty().forEach((line, v) -> m.byLine.merge(line, Figures.money(v), BigDecimal::add));
				}
				if (order.wasCancelled() && period.contains(order.cancelledAt())) {
					by.computeIfAbsent(key, (k) -> new Market()).lostOrders++;
				}
			}
		}
		for (LeadProgress lead : facts.leads()) {
			if (period.contains(lead.disqualifiedAt())) {
				byRegion.computeIfAbsent(lead.region(), (k) -> new Market()).lostLeads++;
				bySpecialty.computeIfAbsent((lead.specialty() != null) ? lead.specialty() : "UNKNOWN", (k) -> new Market()).lostLeads++;
			}
		}
		Map<String, Object> regions = new LinkedHashMap<>();
		byRegion.forEach((k, m) -> regions.put(k, m.figures()));
		Map<String, Object> specialties = new LinkedHashMap<>();
		bySpecialty.forEach((k, m) -> specialties.put(k, m.figures()));
		return Figures.fields("byRegion", regions, "bySpecialty", specialties);
	}

}
