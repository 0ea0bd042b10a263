package com.chairside.notification.notification;

/**
 * How a department or person is told: in the inbox and by e-mail, in the inbox alone (reminders as they fall due), or
 * (a department's system) by a signed webhook request.
 */
public enum Channel {

	EMAIL, IN_APP, WEBHOOK

}
