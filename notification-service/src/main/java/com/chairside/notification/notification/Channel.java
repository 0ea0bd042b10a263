package com.chairside.notification.notification;

/** How a department or person is told: by e-mail, or (a department's system) by a signed webhook request. */
public enum Channel {

	EMAIL, WEBHOOK

}
