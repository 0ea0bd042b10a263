package com.chairside.reporting.targets;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

import com.chairside.platform.inbox.EventHandlers;
import com.chairside.platform.inbox.PoisonMessageException;
import com.chairside.reporting.projection.Projector;

/** Keeps the latest target per region and period from lead-service's TargetSet events, newest sequence wins. */
@Configuration(proxyBeanMethods = false)
class TargetProjection {

	@Bean
	Consumer<Message<byte[]>> targetEvents(EventHandlers handlers, Projector projector) {
		return handlers.consumer("reporting-service.targetEvents", (event) -> {
			if (!event.name().equals("TargetSet")) {
				return;
			}
			TargetFacts target = event.dataAs(TargetFacts.class, handlers.json());
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
			projector.apply(event, update, RegionTarget.class);
		});
	}

	/** The part of TargetSet this projection reads (tolerant reader). */
	record TargetFacts(String region, String period, long leadsCaptured, long leadsQualified, long leadsConverted,
			Bookings bookings) {
	}

	record Bookings(String amount, String currency) {
	}

}
