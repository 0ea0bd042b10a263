package com.chairside.order.order;

/**
 * A line discount above {@code chairside.orders.max-discount-percent}, which nobody may give or approve: 422 with the
 * code {@code DISCOUNT_ABOVE_MAXIMUM} and the field {@code discountPercent}.
 */
public class DiscountAboveMaximumException extends RuntimeException {

	public static final String FIELD = "discountPercent";

	public DiscountAboveMaximumException(String message) {
		super(message);
	}

}
