package com.chairside.notification.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.notification.reminders.Reminder.Kind;
import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.persistence.ConditionalWrites;

import tools.jackson.databind.json.JsonMapper;

/**
 * The reminders read model, fed by {@code ActivityLogged} (a next step and its due day) and the demo events
 * ({@code DemoScheduled}, {@code DemoRescheduled}, {@code DemoCancelled}). Each write is one upsert conditional on a
 * newer {@code ce_sequence} than the reminder holds, like the account cards: a redelivered or older event changes
 * nothing.
 */
@Component
@EnableConfigurationProperties(ReminderProperties.class)
public class Reminders {

	private static final Logger log = LoggerFactory.getLogger(Reminders.class);

	private final MongoTemplate mongo;

	private final ConditionalWrites writes;

	private final ReminderProperties properties;

	Reminders(MongoTemplate mongo, ConditionalWrites writes, ReminderProperties properties) {
		this.mongo = mongo;
		this.writes = writes;
		this.properties = properties;
	}

	/** Keeps the next step of an {@code ActivityLogged}; an activity without one is not kept. */
	public void activityLogged(IncomingEvent event, JsonMapper json) {
		ActivityFacts activity = event.dataAs(ActivityFacts.class, json);
		if (activity.activityId() == null || activity.nextStepDue() == null) {
			return;
		}
		apply("activity:" + activity.activityId(), event, new Update().set("kind", Kind.NEXT_STEP)
			.set("accountId", (activity.accountId() != null) ? activity.accountId() : event.subject())
			.set("region", activity.region())
			.set("owner", activity.loggedBy())
			.set("due", activity.nextStepDue())
			.set("remindOn", activity.nextStepDue().toString())
			.set("activityType", activity.type())
			.set("occurredAt", activity.occurredAt())
			.set("cancelled", false));
	}

	/** Keeps a demo from {@code DemoScheduled}, moves it on {@code DemoRescheduled}, drops it on {@code DemoCancelled}. */
	public void demo(IncomingEvent event, JsonMapper json) {
		DemoFacts demo = event.dataAs(DemoFacts.class, json);
		String id = "demo:" + ((demo.demoId() != null) ? demo.demoId() : event.subject());
		Update update = new Update().set("kind", Kind.DEMO).set("region", demo.region());
		if (demo.accountId() != null) {
			update.set("accountId", demo.accountId());
		}
		if (demo.leadId() != null) {
			update.set("leadId", demo.leadId());
		}
		switch (event.name()) {
			case "DemoScheduled", "DemoRescheduled" -> {
				if (demo.start() == null) {
					return;
				}
				if (demo.scheduledBy() != null) {
					update.set("owner", demo.scheduledBy());
				}
				else {
					update.setOnInsert("owner", demo.rescheduledBy());
				}
				update.set("start", demo.start())
					.set("end", demo.end())
					.set("demoUnit", demo.demoUnit())
					.set("remindOn", LocalDate.ofInstant(demo.start(), this.properties.zone()).minusDays(1).toString())
					.set("cancelled", false);
			}
			case "DemoCancelled", "DemoCompleted" -> update.set("cancelled", true);
			default -> {
				return;
			}
		}
		apply(id, event, update);
	}

	/** The reminders of {@code day}, not cancelled. */
	List<Reminder> of(LocalDate day) {
		return this.mongo.find(Query.query(Criteria.where("remindOn").is(day.toString()).and("cancelled").is(false)),
				Reminder.class);
	}

	private void apply(String id, IncomingEvent event, Update update) {
		update.set("sequence", event.sequence()).set("eventId", event.id());
		if (this.writes.ifNewer(Reminder.class, id, event.sequence()).orUpsert().apply(update)) {
			log.debug("Reminder {}: {} applied (seq {})", id, event.name(), event.sequence());
		}
		else {
			log.debug("Reminder {}: {} seq {} is not newer, ignored", id, event.name(), event.sequence());
		}
	}

	/** The fields of ActivityLogged read here. */
	record ActivityFacts(String accountId, String region, String activityId, String type, Instant occurredAt,
			LocalDate nextStepDue, String loggedBy) {
	}

	/** The fields of the demo events read here. */
	record DemoFacts(String demoId, String accountId, String leadId, String region, String demoUnit, Instant start,
			Instant end, String scheduledBy, String rescheduledBy) {
	}

}
