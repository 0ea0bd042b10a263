package com.chairside.notification.notification;

/** The departments that act on orders. */
public enum Department {

	SALES_ADMINISTRATION, PRODUCTION, LOGISTICS, INSTALLATION, FINANCE

}
