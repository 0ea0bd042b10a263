package com.chairside.order.order;

import java.time.Instant;

import com.chairside.order.catalog.Money;

/**
 * {@code total} is the value that is no longer booked; after production started a sales manager approves the
 * cancellation ({@code approvedBy}). {@code requestedBy} names who asked for it when the cancellation went through a
 * request (a sales manager's approval of it, or a cancellation while it was pending).
 */
public record OrderCancelled(String orderId, String orderNumber, String accountId, String region, String reason, Money total,
		String cancelledBy, Instant cancelledAt, OrderStatus statusBefore, boolean affectsProduction, String approvedBy,
		String requestedBy) implements OrderEvent {
}
