package com.chairside.order.order;

import java.time.Instant;

import com.chairside.order.catalog.Money;

/** A sales manager approved the order's line discounts up to {@code discountPercent}, above the threshold. */
public record DiscountApproved(String orderId, String accountId, String region, String discountPercent,
		String approvedBy, Instant approvedAt, Money total) implements OrderEvent {
}
