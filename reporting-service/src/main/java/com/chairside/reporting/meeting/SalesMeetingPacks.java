package com.chairside.reporting.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.chairside.platform.security.CurrentUser;
import com.chairside.reporting.activity.Demo;
import com.chairside.reporting.activity.LoggedActivity;
import com.chairside.reporting.market.InstalledBaseCopy;
import com.chairside.reporting.orders.OrderFigures;
import com.chairside.reporting.pipeline.LeadProgress;
import com.chairside.reporting.pipeline.OpenedAccount;
import com.chairside.reporting.projection.ActiveCollections;
import com.chairside.reporting.report.Reports;
import com.chairside.reporting.targets.RegionTarget;

/**
 * The sales-meeting pack of a region (or of all regions) for a period: targets against actuals with the pace needed,
 * the lead funnel, pipeline and forecast, order book, delivery performance, activity and the market. Every section is
 * computed from the projections' current copies when asked, so events of different aggregates may arrive in any order.
 */
@Service
public class SalesMeetingPacks {

	private static final Logger log = LoggerFactory.getLogger(SalesMeetingPacks.class);

	private final MongoTemplate mongo;

	private final ActiveCollections active;

	private final Clock clock;

	SalesMeetingPacks(MongoTemplate mongo, ActiveCollections active, Clock clock) {
		this.mongo = mongo;
		this.active = active;
		this.clock = clock;
	}

	public Map<String, Object> pack(String region, String periodText, CurrentUser user) {
		Period period = Period.parse(periodText);
		String scope = Reports.scope(region, user);
		MeetingFacts facts = facts(scope);
		LocalDate today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC));
		Map<String, TargetsSection.Entry> targets = TargetsSection.targets(facts, period);
		Map<String, Object> pack = Figures.fields("region", scope, "period", period.label(), "from", period.from().toString(),
				"until", period.until().minusDays(1).toString(), "generatedAt", this.clock.instant().toString(), "currency",
				"USD", "targets", targets, "pace", TargetsSection.pace(targets, period, today), "funnel",
				FunnelSection.of(facts.leads(), period), "forecast", ForecastSection.of(facts), "orderBook",
				OrderBookSection.of(facts.orders(), period), "delivery", DeliverySection.of(facts.orders(), period),
				"activity", ActivitySection.of(facts, period), "market", MarketSection.of(facts, period, today));
		log.info("Sales-meeting pack for {} {} from {} leads and {} orders", scope, period.label(), facts.leads().size(),
				facts.orders().size());
		return pack;
	}

	private MeetingFacts facts(String scope) {
		// In id order: the pack lists the same items in the same order whichever copy of a projection it reads.
		Query inScope = (Reports.ALL_REGIONS.equals(scope) ? new Query() : Query.query(Criteria.where("region").is(scope)))
			.with(Sort.by("_id"));
		return new MeetingFacts(this.mongo.find(inScope, LeadProgress.class, this.active.of("leads")),
				this.mongo.find(inScope, OpenedAccount.class, this.active.of("accounts")),
				this.mongo.find(inScope, OrderFigures.class, this.active.of("orders")),
				this.mongo.find(inScope, LoggedActivity.class, this.active.of("activities")),
				this.mongo.find(inScope, Demo.class, this.active.of("demos")),
				this.mongo.find(inScope, RegionTarget.class, this.active.of("targets")),
				this.mongo.find(inScope, InstalledBaseCopy.class, this.active.of("installedBase")));
	}

}
