package com.chairside.reporting.activity;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.inbox.PoisonMessageException;
import com.chairside.reporting.projection.Projection;
import com.chairside.reporting.projection.ProjectionWrite;

import tools.jackson.databind.json.JsonMapper;

/**
 * Activities from ActivityLogged on {@code chairside.accounts}, one document per activity. The account's sequence
 * guards it: the one event that writes the document is applied once, however often it is delivered.
 */
@Component
class ActivityProjection implements Projection {

	/** The fields of ActivityLogged this projection reads. */
	record ActivityFacts(String accountId, String region, String activityId, String type, String occurredAt,
			String loggedBy) {
	}

	@Override
	public String name() {
		return "activities";
	}

	@Override
	public String topic() {
		return "chairside.accounts";
	}

	@Override
	public String collection() {
		return "activities";
	}

	@Override
	public Class<?> document() {
		return LoggedActivity.class;
	}

	@Override
	public ProjectionWrite writeFor(IncomingEvent event, JsonMapper json) {
		if (!event.name().equals("ActivityLogged")) {
			return null;
		}
		ActivityFacts activity = event.dataAs(ActivityFacts.class, json);
		if (activity.region() == null || activity.activityId() == null || activity.type() == null) {
			throw new PoisonMessageException("ActivityLogged " + event.id() + " lacks region, activity id or type");
		}
		return new ProjectionWrite(activity.activityId(), new Update().set("accountId", activity.accountId())
			.set("region", activity.region())
			.set("type", activity.type())
			.set("loggedBy", activity.loggedBy())
			.set("occurredAt", (activity.occurredAt() != null) ? activity.occurredAt() : event.time().toString()));
	}

}
