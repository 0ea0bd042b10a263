package com.chairside.notification.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import com.chairside.notification.notification.Delivery;
import com.chairside.notification.notification.Department;
import com.chairside.platform.outbox.PendingEvent;

/**
 * One event to POST to one subscription: the webhook channel's notification of the subscription's department. Its id
 * is the {@code Chairside-Delivery-Id} header, the same on every retry; {@code body} is fixed when the delivery is
 * recorded, so every retry sends the same bytes. The unique index on (event, subscription) makes a redelivered event
 * deliver nothing twice. Giving up is one conditional write that also stages {@code NotificationFailed} in
 * {@code pendingEvents} (published by the outbox under this id).
 *
 * @param orderId the order the event is about, or {@code null} for lead and account events
 * @param lastAttemptAt when the endpoint was last called
 */
@Document("webhook_deliveries")
@CompoundIndex(name = "once_per_event_subscription", def = "{'eventId': 1, 'subscriptionId': 1}", unique = true)
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
@CompoundIndex(name = "of_subscription", def = "{'subscriptionId': 1, 'createdAt': -1}")
record WebhookDelivery(@Id String id, String subscriptionId, Department department, String url, String eventId,
		String eventType, String orderId, String body, Delivery status, int attempts, Instant nextAttemptAt,
		String lastError, Instant lastAttemptAt, Instant createdAt, Instant sentAt, Instant failedAt,
		List<PendingEvent> pendingEvents) {
}
