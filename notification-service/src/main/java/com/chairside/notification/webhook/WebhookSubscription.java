package com.chairside.notification.webhook;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import com.chairside.notification.notification.Department;

/**
 * A department's system that wants the events of {@code eventTypes} POSTed to {@code url}, signed with
 * {@code secret}. The counters and the last error show how its deliveries fare.
 */
@Document("webhook_subscriptions")
record WebhookSubscription(@Id String id, Department department, String url, List<String> eventTypes, String secret,
		Instant createdAt, String createdBy, long delivered, long failures, String lastError, Instant lastFailureAt,
		Instant lastDeliveredAt) {
}
