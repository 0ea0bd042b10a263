package com.chairside.notification.webhook;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import com.chairside.notification.notification.Delivery;

/**
 * One event to POST to one subscription. Its id is the {@code Chairside-Delivery-Id} header, the same on every retry;
 * {@code body} is fixed when the delivery is recorded, so every retry sends the same bytes. The unique index on
 * (event, subscription) makes a redelivered event deliver nothing twice.
 */
@Document("webhook_deliveries")
@CompoundIndex(name = "once_per_event_subscription", def = "{'eventId': 1, 'subscriptionId': 1}", unique = true)
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
record WebhookDelivery(@Id String id, String subscriptionId, String url, String eventId, String eventType, String body,
		Delivery status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {
}
