package com.chairside.notification.notification;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One department told of one order event through one channel. The unique index on (event, department, channel) is what
 * makes a redelivered event notify nobody twice, whichever replica handles it.
 */
@Document("notifications")
@CompoundIndex(name = "once_per_recipient", def = "{'eventId': 1, 'department': 1, 'channel': 1}", unique = true)
public record Notification(@Id String id, String eventId, String eventType, String orderId, String accountId,
		@Indexed String region, @Indexed Department department, Channel channel, String recipient, String subject,
		String body, Instant occurredAt, Instant createdAt, Delivery delivery, int attempts, Instant nextAttemptAt,
		Instant sentAt, String lastError) {

	public static Notification of(OrderNotice notice, Department department, String recipient, Instant now) {
		return new Notification(UUID.randomUUID().toString(), notice.eventId(), notice.eventType(), notice.orderId(),
				notice.accountId(), notice.region(), department, Channel.EMAIL, recipient, notice.subject(),
				notice.body(), notice.occurredAt(), now, Delivery.PENDING, 0, now, null, null);
	}

}
