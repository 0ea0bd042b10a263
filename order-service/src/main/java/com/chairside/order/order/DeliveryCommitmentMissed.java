package com.chairside.order.order;

import java.time.Instant;
import java.time.LocalDate;

import com.chairside.order.catalog.Money;

/** The committed delivery date has passed and the order is not delivered. */
public record DeliveryCommitmentMissed(String orderId, String orderNumber, String accountId, String region, LocalDate committedDeliveryDate,
		OrderStatus status, long daysLate, Instant detectedAt, Money total) implements OrderEvent {
}
