package com.chairside.notification.notification;

import java.time.Instant;

/** A notification could not be delivered and was given up after {@code attempts}; {@code reason} says why. */
public record NotificationFailed(String notificationId, String eventId, String eventType, String orderId,
		String department, String recipient, String channel, String reason, int attempts, Instant failedAt)
		implements NotificationEvent {
}
