package com.chairside.order.order;

import java.time.Instant;

/**
 * A sales manager rejected a requested cancellation ({@code reason} says why); the order goes on as it was, in
 * {@code status}. {@code decidedBy} is {@code rejectedBy}, named as in the other decisions' events.
 */
public record OrderCancellationRejected(String orderId, String orderNumber, String accountId, String region,
		String reason, String requestReason, String requestedBy, Instant requestedAt, String rejectedBy,
		Instant rejectedAt, OrderStatus status, String decidedBy) implements OrderEvent {
}
