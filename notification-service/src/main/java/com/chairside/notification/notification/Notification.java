package com.chairside.notification.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import com.chairside.platform.outbox.PendingEvent;

/**
 * One recipient (a department or a person) told of one event through one channel: the inbox entry, its e-mail
 * delivery and its acknowledgement. The unique index on (event, department, person, channel) is what makes a
 * redelivered event notify nobody twice, whichever replica handles it. Every change of state that others hear of
 * (sent, failed, acknowledged, escalated) is one conditional write on {@code revision} that also stages the event in
 * {@code pendingEvents}, so the change and its event are stored together or not at all.
 *
 * @param orderNumber what people call the order ({@code SO-2026-000042}), when the event is about one
 * @param practice the name of the practice (account) it is about, as known when it was recorded or mailed
 * @param department the department told, or {@code null} when a person is
 * @param person the user id of the person told, or {@code null} when a department is
 * @param acknowledgeBy when a department must have acknowledged it; past it, the notification is escalated once
 * @param escalationOf the notification this one escalates, on the sales manager's copy
 */
@Document("notifications")
@CompoundIndex(name = "once_per_event_recipient_channel",
		def = "{'eventId': 1, 'department': 1, 'person': 1, 'channel': 1}", unique = true)
public record Notification(@Id String id, String eventId, String eventType, @Indexed String orderId, String accountId,
		String orderNumber, String practice, @Indexed String region, @Indexed Department department, @Indexed String person, Channel channel,
		String mailbox, String subject, String body, List<Change> changes, Instant occurredAt, Instant createdAt,
		@Indexed Delivery delivery, int attempts, Instant nextAttemptAt, Instant sentAt, String lastError, Instant readAt,
		@Indexed Instant acknowledgeBy, Instant acknowledgedAt, String acknowledgedBy, Instant escalatedAt,
		String escalatedTo, String escalationOf, long revision, List<PendingEvent> pendingEvents) {

	static Notification of(Notice notice, Department department, String person, String mailbox, Instant now,
			Instant acknowledgeBy) {
		// In the inbox alone: delivered as it is stored, no mail owed.
		boolean inApp = notice.channel() == Channel.IN_APP;
		return new Notification(idOf(notice.eventId(), department, person, notice.channel()), notice.eventId(),
				notice.eventType(), notice.orderId(), notice.accountId(), notice.orderNumber(), notice.practice(),
				notice.region(), department, person, notice.channel(), mailbox, notice.subject(), notice.body(),
				notice.changes(), notice.occurredAt(), now, inApp ? Delivery.SENT : Delivery.PENDING, 0, now,
				inApp ? now : null, null, null, acknowledgeBy, null, null, null, null, notice.escalationOf(), 0,
				List.of());
	}

	/**
	 * The same for every delivery of one event to one recipient and channel (the key of the unique index), so a
	 * redelivered event names the notifications it made before, e.g. to owe their mail again after a crash.
	 */
	static String idOf(String eventId, Department department, String person, Channel channel) {
		String key = eventId + "|" + ((department != null) ? department.name() : "") + "|"
				+ ((person != null) ? person : "") + "|" + channel.name();
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** The one status the inbox shows: acknowledged once it is, otherwise where the e-mail stands. */
	public Status status() {
		if (this.acknowledgedAt != null) {
			return Status.ACKNOWLEDGED;
		}
		return switch (this.delivery) {
			case PENDING -> Status.PENDING;
			case SENT -> Status.SENT;
			case FAILED -> Status.FAILED;
		};
	}

	/** Unread until opened, read, then acknowledged. */
	public Inbox inbox() {
		if (this.acknowledgedAt != null) {
			return Inbox.ACKNOWLEDGED;
		}
		return (this.readAt != null) ? Inbox.READ : Inbox.UNREAD;
	}

	/** Past its deadline and neither acknowledged nor escalated yet: due to be escalated, once. */
	public boolean overdue(Instant now) {
		return this.acknowledgeBy != null && !this.acknowledgeBy.isAfter(now) && this.acknowledgedAt == null
				&& this.escalatedAt == null;
	}

	/** Who was told: the department's name, or the person's user id. */
	public String recipient() {
		return (this.person != null) ? this.person : this.department.name();
	}

	/** The status of a notification as its readers see it. */
	public enum Status {

		PENDING, SENT, FAILED, ACKNOWLEDGED

	}

	/** Where a notification stands in its recipient's inbox. */
	public enum Inbox {

		UNREAD, READ, ACKNOWLEDGED

	}

}
