package com.chairside.notification.notification;

import java.time.Instant;
import java.util.Set;

/** What the departments are told of one order event, and which of them it concerns. */
public record OrderNotice(String eventId, String eventType, String orderId, String accountId, String region,
		Instant occurredAt, String subject, String body, Set<Department> departments) {
}
