package com.chairside.notification.notification;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the recipients are told of one event, and who they are.
 *
 * @param orderId the order the event is about, or {@code null} (a lead or an account event)
 * @param orderNumber what people call that order ({@code SO-2026-000042}), or {@code null}
 * @param practice the practice (account) name, when this service knows it
 * @param people user ids of the persons told (owners, named people, the sales manager)
 * @param escalationOf the notification an escalation notice is about, otherwise {@code null}
 * @param channel {@code EMAIL} (the inbox and a mail, the default) or {@code IN_APP} (the inbox alone)
 */
public record Notice(String eventId, String eventType, String orderId, String orderNumber, String practice,
		String accountId, String region, Instant occurredAt, String subject, String body, List<Change> changes,
		Set<Department> departments, Set<String> people, String escalationOf, Channel channel) {

	public Notice {
		changes = (changes != null) ? List.copyOf(changes) : List.of();
		departments = (departments != null) ? Set.copyOf(departments) : Set.of();
		people = (people != null) ? Set.copyOf(people) : Set.of();
		channel = (channel != null) ? channel : Channel.EMAIL;
	}

	/** A notice told in the inbox and by mail, of an event that names no order number or practice. */
	public Notice(String eventId, String eventType, String orderId, String accountId, String region,
			Instant occurredAt, String subject, String body, List<Change> changes, Set<Department> departments,
			Set<String> people, String escalationOf) {
		this(eventId, eventType, orderId, null, null, accountId, region, occurredAt, subject, body, changes,
				departments, people, escalationOf, Channel.EMAIL);
	}

}
