package com.chairside.order.order;

import java.time.Instant;
import java.time.LocalDate;

import com.chairside.order.catalog.Money;

/** Sales administration moved the order one fulfilment step on (confirmed, in production, shipped, ...). */
public record OrderStatusChanged(String orderId, String orderNumber, String accountId, String region, OrderStatus from, OrderStatus to,
		LocalDate committedDeliveryDate, String changedBy, Instant changedAt, Money total) implements OrderEvent {
}
