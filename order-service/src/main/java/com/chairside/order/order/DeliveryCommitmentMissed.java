package com.chairside.order.order;

import java.time.Instant;
import java.time.LocalDate;

/** The committed delivery date has passed and the order is not delivered. */
public record DeliveryCommitmentMissed(String orderId, String accountId, String region, LocalDate committedDeliveryDate,
		OrderStatus status, long daysLate, Instant detectedAt) implements OrderEvent {
}
