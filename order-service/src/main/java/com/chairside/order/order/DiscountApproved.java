package com.chairside.order.order;

import java.time.Instant;

import com.chairside.order.catalog.Money;

/**
 * A sales manager (or an admin) approved the order's line discounts up to {@code discountPercent}, above the threshold;
 * {@code requestedBy} gave the discount, {@code decidedBy} (the same as {@code approvedBy}) approved it.
 */
public record DiscountApproved(String orderId, String orderNumber, String accountId, String region,
		String discountPercent, String approvedBy, Instant approvedAt, Money total, String requestedBy,
		String decidedBy) implements OrderEvent {
}
