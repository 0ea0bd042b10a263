package com.chairside.order.order;

import java.time.Instant;

import com.chairside.order.catalog.Money;

/**
 * A line discount above the approval threshold waits for a sales manager of the region: who gave it, how much (the
 * largest line discount, in per cent) and what the order is worth with it ({@code value}).
 */
public record DiscountApprovalRequested(String orderId, String orderNumber, String accountId, String region,
		String discountPercent, String requestedBy, Instant requestedAt, Money value) implements OrderEvent {
}
