package com.chairside.reporting.meeting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.chairside.reporting.market.InstalledBaseCopy;
import com.chairside.reporting.orders.OrderFigures;
import com.chairside.reporting.pipeline.LeadProgress;
import com.chairside.reporting.pipeline.OpenedAccount;

/**
 * The market by region and by specialty in the period: won (orders submitted and not cancelled), lost (leads
 * disqualified and orders cancelled), the average order value and each product line's share of the value won. An
 * order's specialty is its account's. Then whom leads were lost to in the period ({@code lostToCompetitors}: leads
 * disqualified as BOUGHT_FROM_COMPETITOR, by competitor and region, with their estimated value) and, as of today, the
 * installed units old enough to replace ({@code replacementCandidates}: {@value #REPLACEMENT_AGE} years or more in
 * service, any brand, by region, oldest first).
 */
final class MarketSection {

	/** Years in service from which an installed unit is a replacement candidate. */
	static final int REPLACEMENT_AGE = 7;

	/** The competitor of a loss published before competitors were named. */
	static final String UNNAMED = "(not named)";

	private MarketSection() {
	}

	/** Leads lost and their estimated value. */
	private static final class Losses {

		long leadsLost;

		BigDecimal estimatedValue = BigDecimal.ZERO;

		void add(LeadProgress lead) {
			this.leadsLost++;
			this.estimatedValue = this.estimatedValue.add(Figures.money(lead.estimatedValue()));
		}

		Map<String, Object> figures() {
			return Figures.fields("leadsLost", this.leadsLost, "estimatedValue", Figures.cents(this.estimatedValue));
		}

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

	static Map<String, Object> of(MeetingFacts facts, Period period, LocalDate today) {
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
		return Figures.fields("byRegion", regions, "bySpecialty", specialties, "lostToCompetitors",
				lostToCompetitors(facts.leads(), period), "replacementCandidates",
				replacementCandidates(facts.installedBase(), today.getYear()));
	}

	/** By competitor (most leads lost first, then by name): the leads lost and their value, in all and by region. */
	private static Map<String, Object> lostToCompetitors(List<LeadProgress> leads, Period period) {
		Map<String, Losses> byCompetitor = new TreeMap<>();
		Map<String, Map<String, Losses>> byCompetitorAndRegion = new TreeMap<>();
		for (LeadProgress lead : leads) {
			if ("BOUGHT_FROM_COMPETITOR".equals(lead.disqualifiedReason()) && period.contains(lead.disqualifiedAt())) {
				String competitor = (lead.competitor() != null) ? lead.competitor() : UNNAMED;
				byCompetitor.computeIfAbsent(competitor, (k) -> new Losses()).add(lead);
				byCompetitorAndRegion.computeIfAbsent(competitor, (k) -> new TreeMap<>())
					.computeIfAbsent(lead.region(), (k) -> new Losses())
					.add(lead);
			}
		}
		Map<String, Object> competitors = new LinkedHashMap<>();
		byCompetitor.entrySet().stream()
			.sorted(Comparator.comparing((Map.Entry<String, Losses> e) -> -e.getValue().leadsLost))
			.forEach((e) -> {
				Map<String, Object> regions = new LinkedHashMap<>();
				byCompetitorAndRegion.get(e.getKey()).forEach((region, l) -> regions.put(region, l.figures()));
				Map<String, Object> figures = e.getValue().figures();
				figures.put("byRegion", regions);
				competitors.put(e.getKey(), figures);
			});
		return competitors;
	}

	/** By region: the units in service {@value #REPLACEMENT_AGE} years or more in {@code year}, oldest first. */
	private static Map<String, Object> replacementCandidates(List<InstalledBaseCopy> installedBase, int year) {
		record Candidate(String region, InstalledBaseCopy account, InstalledBaseCopy.Unit unit) {
		}
		List<Candidate> candidates = new ArrayList<>();
		for (InstalledBaseCopy account : installedBase) {
			for (InstalledBaseCopy.Unit unit : account.unitsOrEmpty()) {
				if (unit.yearInstalled() != null && year - unit.yearInstalled() >= REPLACEMENT_AGE) {
					candidates.add(new Candidate(account.region(), account, unit));
				}
			}
		}
		candidates.sort(Comparator.comparing(Candidate::region)
			.thenComparing((c) -> c.unit().yearInstalled())
			.thenComparing((c) -> c.account().accountId())
			.thenComparing((c) -> c.unit().unitId()));
		Map<String, Map<String, Object>> byRegion = new LinkedHashMap<>();
		for (Candidate c : candidates) {
			Map<String, Object> region = byRegion.computeIfAbsent(c.region(),
					(k) -> Figures.fields("units", 0L, "items", new ArrayList<Map<String, Object>>()));
			int quantity = (c.unit().quantity() != null) ? c.unit().quantity() : 1;
			region.put("units", (Long) region.get("units") + quantity);
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> items = (List<Map<String, Object>>) region.get("items");
			items.add(Figures.fields("unitId", c.unit().unitId(), "accountId", c.account().accountId(), "account",
					c.account().accountName(), "brand", c.unit().brand(), "model", c.unit().model(), "productLine",
					c.unit().productLine(), "yearInstalled", c.unit().yearInstalled(), "age",
					year - c.unit().yearInstalled(), "quantity", quantity));
		}
		return Figures.fields("minimumAge", REPLACEMENT_AGE, "asOfYear", year, "byRegion", byRegion);
	}

}
