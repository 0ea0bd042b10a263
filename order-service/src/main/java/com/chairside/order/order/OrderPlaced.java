package com.chairside.order.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.chairside.order.catalog.Money;

public record OrderPlaced(String orderId, String accountId, String region, List<EventLine> lines, Money total,
		LocalDate requestedDeliveryDate, String placedBy, Instant placedAt) implements OrderEvent {
}
