package com.chairside.notification.notification.web;

import java.time.Instant;

import com.chairside.notification.notification.Channel;
import com.chairside.notification.notification.Delivery;
import com.chairside.notification.notification.Department;
import com.chairside.notification.notification.Notification;

/** A notification as a department reads it. */
public record NotificationView(String id, Department department, String eventType, String eventId, String orderId,
		String accountId, String region, Channel channel, String recipient, String subject, String body,
		Instant occurredAt, Instant createdAt, Delivery delivery, Instant sentAt) {

	static NotificationView of(Notification n) {
		return new NotificationView(n.id(), n.department(), n.eventType(), n.eventId(), n.orderId(), n.accountId(),
				n.region(), n.channel(), n.recipient(), n.subject(), n.body(), n.occurredAt(), n.createdAt(),
				n.delivery(), n.sentAt());
	}

}
