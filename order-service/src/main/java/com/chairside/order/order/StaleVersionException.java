package com.chairside.order.order;

/** The caller based a change on a version of the order that is no longer current (If-Match failed): 412. */
public class StaleVersionException extends RuntimeException {

	public StaleVersionException(String id, Long expected, Long current) {
		super("Order " + id + " is no longer at version " + expected
				+ ((current != null) ? " (it is at " + current + ")" : "") + "; read it again and retry");
	}

}
