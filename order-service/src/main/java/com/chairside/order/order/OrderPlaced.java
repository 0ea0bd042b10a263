package com.chairside.order.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.chairside.order.catalog.Money;

/** The order was submitted (placed at once, or a draft submitted): its total is booked. The "OrderSubmitted" event. */
public record OrderPlaced(String orderId, String orderNumber, String accountId, String region, List<EventLine> lines, Money total,
		LocalDate requestedDeliveryDate, String placedBy, Instant placedAt, String deliverySite) implements OrderEvent {
}
