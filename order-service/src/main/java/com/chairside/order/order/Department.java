package com.chairside.order.order;

/** The departments an order change may concern, as notification-service knows them. */
public enum Department {

	SALES_ADMINISTRATION, PRODUCTION, LOGISTICS, INSTALLATION, FINANCE

}
