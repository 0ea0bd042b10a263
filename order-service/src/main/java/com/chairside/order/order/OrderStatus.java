package com.chairside.order.order;

/** Where an order stands; only the Order changes it. */
public enum OrderStatus {

	PLACED, CANCELLED

}
