package com.chairside.reporting.targets;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.inbox.PoisonMessageException;
import com.chairside.reporting.projection.Projection;
import com.chairside.reporting.projection.ProjectionWrite;

import tools.jackson.databind.json.JsonMapper;

/** Keeps the latest target per region and period from lead-service's TargetSet events, newest sequence wins. */
@Component
class TargetProjection implements Projection {

	@Override
	public String name() {
		return "targets";
	}

	@Override
	public String topic() {
		return "chairside.targets";
	}

	@Override
	public String collection() {
		return "region_targets";
	}

	@Override
	public Class<?> document() {
		return RegionTarget.class;
	}

	@Override
	public ProjectionWrite writeFor(IncomingEvent event, JsonMapper json) {
		if (!event.name().equals("TargetSet")) {
			return null;
		}
		TargetFacts target = event.dataAs(TargetFacts.class, json);
		if (target.region() == null || target.period() == null) {
			throw new PoisonMessageException("TargetSet " + event.id() + " names no region or period");
		}
		Update update = new Update().set("region", target.region())
			.set("period", target.period())
			.set("leadsCaptured", target.leadsCaptured())
			.set("leadsQualified", target.leadsQualified())
			.set("leadsConverted", target.leadsConverted());
		if (target.bookings() != null) {
			update.set("bookingsAmount", target.bookings().amount()).set("bookingsCurrency", target.bookings().currency());
		}
		return new ProjectionWrite(event.subject(), update);
	}

	/** The part of TargetSet this projection reads (tolerant reader). */
	record TargetFacts(String region, String period, long leadsCaptured, long leadsQualified, long leadsConverted,
			Bookings bookings) {
	}

	record Bookings(String amount, String currency) {
	}

}
