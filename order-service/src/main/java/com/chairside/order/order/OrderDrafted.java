package com.chairside.order.order;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.chairside.order.catalog.Money;

/** A quote (an order in draft) was created or edited; carries the quote as it now stands. Nothing is booked yet. */
public record OrderDrafted(String orderId, String orderNumber, String accountId, String region, List<EventLine> lines, Money total,
		LocalDate requestedDeliveryDate, String deliverySite, String draftedBy, Instant draftedAt) implements OrderEvent {
}
