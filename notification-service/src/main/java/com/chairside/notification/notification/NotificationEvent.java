package com.chairside.notification.notification;

/** What notification-service tells others of its notifications, on {@code chairside.notifications}. */
public sealed interface NotificationEvent
		permits NotificationSent, NotificationFailed, NotificationAcknowledged, NotificationEscalated {
}
