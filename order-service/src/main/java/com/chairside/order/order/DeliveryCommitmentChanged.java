package com.chairside.order.order;

import java.time.Instant;
import java.time.LocalDate;

/** Sales administration rescheduled the committed delivery date, for a reason. */
public record DeliveryCommitmentChanged(String orderId, String accountId, String region, LocalDate before,
		LocalDate after, String reason, String changedBy, Instant changedAt) implements OrderEvent {
}
