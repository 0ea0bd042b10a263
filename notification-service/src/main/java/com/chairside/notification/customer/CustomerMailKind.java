package com.chairside.notification.customer;

/** Why a practice is mailed: its order is confirmed, or the delivery date we committed to moved. */
enum CustomerMailKind {

	ORDER_CONFIRMED, DELIVERY_DATE_CHANGED

}
