package com.chairside.notification.notification;

/** Where the delivery of a notification stands. */
public enum Delivery {

	PENDING, SENT, FAILED

}
