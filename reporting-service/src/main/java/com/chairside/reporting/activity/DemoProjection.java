package com.chairside.reporting.activity;

import java.util.Set;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.inbox.PoisonMessageException;
import com.chairside.reporting.projection.Projection;
import com.chairside.reporting.projection.ProjectionWrite;

import tools.jackson.databind.json.JsonMapper;

/**
 * Demos from {@code chairside.demos} (DemoScheduled, DemoRescheduled, DemoCancelled, DemoCompleted), one document per
 * demo with its {@code status}: a moved demo keeps its unit and start as they are now, a cancelled one no longer counts
 * as scheduled. A lead's demo names no account until the lead is converted; the events after that name it.
 */
@Component
class DemoProjection implements Projection {

	/** The fields of demo events this projection reads. */
	record DemoFacts(String accountId, String leadId, String region, String demoUnit, String scheduledBy,
			String start, String completedBy, String completedAt, String outcome, String cancelledBy,
			String cancelledAt) {
	}

	private static final Set<String> EVENTS = Set.of("DemoScheduled", "DemoRescheduled", "DemoCancelled",
			"DemoCompleted");

	@Override
	public String name() {
		return "demos";
	}

	@Override
	public String topic() {
		return "chairside.demos";
	}

	@Override
	public String collection() {
		return "demos";
	}

	@Override
	public Class<?> document() {
		return Demo.class;
	}

	@Override
	public ProjectionWrite writeFor(IncomingEvent event, JsonMapper json) {
		if (!EVENTS.contains(event.name())) {
			return null;
		}
		DemoFacts demo = event.dataAs(DemoFacts.class, json);
		if (demo.region() == null) {
			throw new PoisonMessageException(event.type() + " " + event.id() + " names no region");
		}
		Update update = new Update().set("region", demo.region()).set("accountId", demo.accountId());
		if (demo.leadId() != null) {
			update.set("leadId", demo.leadId());
		}
		switch (event.name()) {
			case "DemoScheduled" -> update.set("status", "SCHEDULED")
				.set("demoUnit", demo.demoUnit())
				.set("scheduledBy", demo.scheduledBy())
				.set("start", demo.start());
			case "DemoRescheduled" -> update.set("demoUnit", demo.demoUnit()).set("start", demo.start());
			case "DemoCancelled" -> update.set("status", "CANCELLED")
				.set("cancelledBy", demo.cancelledBy())
				.set("cancelledAt", (demo.cancelledAt() != null) ? demo.cancelledAt() : event.time().toString());
			default -> update.set("status", "COMPLETED")
				.set("completedBy", demo.completedBy())
				.set("completedAt", (demo.completedAt() != null) ? demo.completedAt() : event.time().toString())
				.set("outcome", demo.outcome());
		}
		return new ProjectionWrite(event.subject(), update);
	}

}
