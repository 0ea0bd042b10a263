package com.chairside.order.order;

import java.time.Instant;

import com.chairside.order.catalog.Money;

/**
 * Someone asked for the order's cancellation and a sales manager of its region is to approve or reject it;
 * {@code affectsProduction} when production has started (which is when the approval is needed).
 */
public record OrderCancellationRequested(String orderId, String orderNumber, String accountId, String region, String reason,
		String requestedBy, Instant requestedAt, OrderStatus status, boolean affectsProduction, Money total)
		implements OrderEvent {
}
