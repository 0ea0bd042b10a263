package com.chairside.notification.notification;

/**
 * What a reader asks of the notifications; every part is optional. {@code recipient} {@value #ME} is the caller.
 */
public record NotificationFilter(Department department, String recipient, String orderId, String eventType,
		Notification.Status status, Notification.Inbox inbox) {

	public static final String ME = "me";
}
