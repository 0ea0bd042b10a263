package com.chairside.order.approval;

import java.time.Instant;

import com.chairside.order.catalog.Money;

/**
 * One decision waiting: a discount above the threshold ({@code DISCOUNT}, with its {@code discountPercent}) or a
 * cancellation request ({@code CANCELLATION}); {@code practice} is the account's name from order-service's own view
 * of the accounts (null when not known yet), {@code value} the order's total.
 */
public record Approval(Kind kind, String orderId, String orderNumber, String accountId, String practice, String region,
		Money value, String discountPercent, String requestedBy, Instant requestedAt, String reason) {

	public enum Kind {

		DISCOUNT, CANCELLATION

	}

}
