package com.chairside.order.order;

import java.time.Instant;
import java.time.LocalDate;

import com.chairside.order.catalog.Money;

/** The delivery watch found the committed date at risk; {@code slackDays} is how much time is left (negative: late). */
public record DeliveryCommitmentAtRisk(String orderId, String orderNumber, String accountId, String region, LocalDate committedDeliveryDate,
		String reason, long slackDays, OrderStatus status, Instant detectedAt, Money total) implements OrderEvent {
}
