package com.chairside.notification.notification;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the recipients are told of one event, and who they are.
 *
 * @param orderId the order the event is about, or {@code null} (a lead or an account event)
 * @param people user ids of the persons told (owners, named people, the sales manager)
 * @param escalationOf the notification an escalation notice is about, otherwise {@code null}
 */
public record Notice(String eventId, String eventType, String orderId, String accountId, String region,
		Instant occurredAt, String subject, String body, List<Change> changes, Set<Department> departments,
		Set<String> people, String escalationOf) {

	public Notice {
		changes = (changes != null) ? List.copyOf(changes) : List.of();
		departments = (departments != null) ? Set.copyOf(departments) : Set.of();
		people = (people != null) ? Set.copyOf(people) : Set.of();
	}

}
