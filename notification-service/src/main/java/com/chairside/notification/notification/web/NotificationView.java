package com.chairside.notification.notification.web;

import java.time.Instant;
import java.util.List;

import com.chairside.notification.notification.Change;
import com.chairside.notification.notification.Channel;
import com.chairside.notification.notification.Department;
import com.chairside.notification.notification.Notification;

/**
 * A notification as its recipient reads it. {@code status} is ACKNOWLEDGED once acknowledged, otherwise the e-mail's
 * PENDING, SENT or FAILED ({@code lastError} says why); {@code inbox} is UNREAD, READ or ACKNOWLEDGED.
 * {@code department} is set for a department's notification, {@code recipient} is the department or the person told.
 * {@code practice} and {@code orderNumber} name what it is about as people do; {@code title} is the line an inbox
 * shows, the same as the mail's {@code subject} ({@code Smile Orthodontics — SO-2026-000042 changed: Third operatory}).
 */
public record NotificationView(String id, Notification.Status status, Notification.Inbox inbox,
		Department department, String recipient, String eventType, String eventId, String orderId, String orderNumber,
		String practice, String title, String accountId, String region, Channel channel, String mailbox, String subject, String body, List<Change> changes,
		Instant occurredAt, Instant createdAt, int attempts, Instant sentAt, String lastError, Instant readAt,
		Instant acknowledgeBy, Instant acknowledgedAt, String acknowledgedBy, Instant escalatedAt, String escalatedTo,
		String escalationOf) {

	static NotificationView of(Notification n) {
		return new NotificationView(n.id(), n.status(), n.inbox(), n.department(), n.recipient(), n.eventType(),
				n.eventId(), n.orderId(), n.orderNumber(), n.practice(), n.subject(), n.accountId(), n.region(), n.channel(), n.mailbox(), n.subject(), n.body(),
				n.changes(), n.occurredAt(), n.createdAt(), n.attempts(), n.sentAt(), n.lastError(), n.readAt(),
				n.acknowledgeBy(), n.acknowledgedAt(), n.acknowledgedBy(), n.escalatedAt(), n.escalatedTo(),
				n.escalationOf());
	}

}
