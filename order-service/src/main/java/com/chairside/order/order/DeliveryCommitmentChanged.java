package com.chairside.order.order;

import java.time.Instant;
import java.time.LocalDate;

import com.chairside.order.catalog.Money;

/** Sales administration rescheduled the committed delivery date, for a reason. */
public record DeliveryCommitmentChanged(String orderId, String orderNumber, String accountId, String region, LocalDate before,
		LocalDate after, String reason, String changedBy, Instant changedAt, Money total) implements OrderEvent {
}
