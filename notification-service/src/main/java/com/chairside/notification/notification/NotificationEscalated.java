package com.chairside.notification.notification;

import java.time.Instant;

/** A notification was not acknowledged by its deadline and the sales manager {@code escalatedTo} was told. */
public record NotificationEscalated(String notificationId, String eventId, String eventType, String orderId,
		String department, String recipient, String escalatedTo, Instant acknowledgeBy, Instant escalatedAt)
		implements NotificationEvent {
}
