package com.chairside.notification.notification;

/** How a department is told. */
public enum Channel {

	EMAIL

}
