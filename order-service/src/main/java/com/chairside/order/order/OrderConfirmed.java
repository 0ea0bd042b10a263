package com.chairside.order.order;

import java.time.Instant;
import java.time.LocalDate;

import com.chairside.order.catalog.Money;

/** Sales administration confirmed the order and committed to a delivery date; the account is now a customer. */
public record OrderConfirmed(String orderId, String orderNumber, String accountId, String region, LocalDate committedDeliveryDate,
		Money total, String confirmedBy, Instant confirmedAt) implements OrderEvent {
}
