package com.chairside.reporting.report;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.chairside.platform.security.CurrentUser;
import com.chairside.reporting.orders.OrderFigures;
import com.chairside.reporting.pipeline.LeadProgress;
import com.chairside.reporting.pipeline.OpenedAccount;
import com.chairside.reporting.projection.ActiveCollections;

/**
 * Reads the projections. An account manager reports on their own region; sales managers, sales administration and
 * admins on any, or on all regions together when none is named.
 */
@Service
public class Reports {

	public static final String ALL_REGIONS = "ALL";

	private static final List<String> LEAD_STATUSES = List.of("NEW", "CONTACTED", "QUALIFIED", "DISQUALIFIED", "CONVERTED");

	private final MongoTemplate mongo;

	private final ActiveCollections active;

	Reports(MongoTemplate mongo, ActiveCollections active) {
		this.mongo = mongo;
		this.active = active;
	}

	public PipelineReport pipeline(String region, CurrentUser user) {
		String scope = scope(region, user);
		Map<String, Long> byStatus = new LinkedHashMap<>();
		LEAD_STATUSES.forEach((status) -> byStatus.put(status, 0L));
		for (LeadProgress lead : this.mongo.find(inRegion(scope), LeadProgress.class, this.active.of("leads"))) {
			byStatus.merge(lead.status(), 1L, Long::sum);
		}
		long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
		long accounts = this.mongo.count(inRegion(scope), OpenedAccount.class, this.active.of("accounts"));
		return new PipelineReport(scope, byStatus, total, accounts);
	}

	public OrdersReport orders(String region, CurrentUser user) {
		String scope = scope(region, user);
		long placed = 0;
		long changed = 0;
		long changes = 0;
		long cancelled = 0;
		BigDecimal booked = BigDecimal.ZERO;
		String currency = null;
		for (OrderFigures order : this.mongo.find(inRegion(scope), OrderFigures.class, this.active.of("orders"))) {
			placed += order.wasPlaced() ? 1 : 0;
			changed += (order.changeCount() > 0) ? 1 : 0;
			changes += order.changeCount();
			cancelled += order.wasCancelled() ? 1 : 0;
			if (order.wasPlaced() && !order.wasCancelled() && order.total() != null) {
				booked = booked.add(new BigDecimal(order.total()));
				currency = order.currency();
			}
		}
		return new OrdersReport(scope, placed, changed, cancelled, changes,
				new OrdersReport.Money(booked.setScale(2).toPlainString(), (currency != null) ? currency : "USD"));
	}

	static Query inRegion(String scope) {
		return ALL_REGIONS.equals(scope) ? new Query() : Query.query(Criteria.where("region").is(scope));
	}

	/** The region a user reports on: an account manager their own, anyone else the one named or all. */
	public static String scope(String region, CurrentUser user) {
		if (user.seesAllRegions()) {
			return (region != null) ? region : ALL_REGIONS;
		}
		if (user.has(CurrentUser.ACCOUNT_MANAGER) && user.region() != null) {
			if (region != null && !region.equals(user.region())) {
				throw new AccessDeniedException("Account managers report on their own region");
			}
			return user.region();
		}
		throw new AccessDeniedException("Reports are for sales roles");
	}

	/** {@code leadsByStatus} lists every status, with zero where there are none. */
	public record PipelineReport(String region, Map<String, Long> leadsByStatus, long totalLeads, long accountsOpened) {
	}

	/** {@code ordersChanged} counts orders changed at least once; {@code changes} counts every change. */
	public record OrdersReport(String region, long ordersPlaced, long ordersChanged, long ordersCancelled, long changes,
			Money bookedValue) {

		public record Money(String amount, String currency) {
		}

	}

}
