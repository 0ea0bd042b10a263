package com.chairside.reporting.activity;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.inbox.PoisonMessageException;
import com.chairside.reporting.projection.Projection;
import com.chairside.reporting.projection.ProjectionWrite;

import tools.jackson.databind.json.JsonMapper;

/** Demos from {@code chairside.demos} (DemoScheduled, DemoCompleted), one document per demo. */
@Component
class DemoProjection implements Projection {

	/** The fields of demo events this projection reads. */
	record DemoFacts(String accountId, String region, String demoUnit, String scheduledBy, String start,
			String completedBy, String completedAt, String outcome) {
	}

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
		if (!event.name().equals("DemoScheduled") && !event.name().equals("DemoCompleted")) {
			return null;
		}
		DemoFacts demo = event.dataAs(DemoFacts.class, json);
		if (demo.region() == null) {
			throw new PoisonMessageException(event.type() + " " + event.id() + " names no region");
		}
		Update update = new Update().set("region", demo.region()).set("accountId", demo.accountId());
		if (event.name().equals("DemoScheduled")) {
			update.set("demoUnit", demo.demoUnit()).set("scheduledBy", demo.scheduledBy()).set("start", demo.start());
		}
		else {
			update.set("completedBy", demo.completedBy())
				.set("completedAt", (demo.completedAt() != null) ? demo.completedAt() : event.time().toString())
				.set("outcome", demo.outcome());
		}
		return new ProjectionWrite(event.subject(), update);
	}

}
