package com.chairside.notification.notification;

import java.time.Instant;

/** Its recipient acknowledged a notification: the department (or person) has taken the change in hand. */
public record NotificationAcknowledged(String notificationId, String eventId, String eventType, String orderId,
		String department, String recipient, String acknowledgedBy, Instant acknowledgedAt)
		implements NotificationEvent {
}
