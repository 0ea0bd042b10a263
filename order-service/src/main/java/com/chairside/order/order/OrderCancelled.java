package com.chairside.order.order;

import java.time.Instant;

import com.chairside.order.catalog.Money;

/** {@code total} is the value that is no longer booked. */
public record OrderCancelled(String orderId, String accountId, String region, String reason, Money total,
		String cancelledBy, Instant cancelledAt) implements OrderEvent {
}
