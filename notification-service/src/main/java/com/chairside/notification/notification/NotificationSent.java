package com.chairside.notification.notification;

import java.time.Instant;

/** A notification reached its recipient's mailbox. {@code department} or {@code recipient} (a person) is set. */
public record NotificationSent(String notificationId, String eventId, String eventType, String orderId,
		String department, String recipient, String channel, Instant sentAt) implements NotificationEvent {
}
