package com.chairside.notification.reminders;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something its owner is reminded of on the morning of {@code remindOn}: an activity's next step (on its due day) or a
 * demo (the day before it). {@code sequence} is the newest {@code ce_sequence} applied and {@code eventId} the
 * {@code ce_id} of that event, so an older or a redelivered event changes nothing.
 *
 * @param id {@code activity:<activityId>} or {@code demo:<demoId>}
 * @param owner who is reminded: the demo's organiser; for a next step, whoever logged it (the account's owner takes
 * it over when this service knows one)
 * @param remindOn the day of the reminder ({@code yyyy-MM-dd}, in the reminders' zone), stored as text so that a
 * morning's reminders are one equality match on its index
 */
@Document("reminders")
record Reminder(@Id String id, Kind kind, String accountId, String leadId, String region, String owner,
		@Indexed String remindOn, LocalDate due, String activityType, Instant occurredAt, Instant start, Instant end,
		String demoUnit, boolean cancelled, long sequence, String eventId) {

	/** What a reminder is of. */
	enum Kind {

		NEXT_STEP, DEMO

	}

}
