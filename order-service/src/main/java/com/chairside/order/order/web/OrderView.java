package com.chairside.order.order.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.chairside.order.catalog.Money;
import com.chairside.order.order.CancellationRequest;
import com.chairside.order.order.Order;
import com.chairside.order.order.OrderLine;
import com.chairside.order.order.OrderStatus;

/**
 * An order as the sales UI shows it; {@code version} goes up with every change and is the ETag.
 * {@code cancellationRequest} is the cancellation asked for and not decided yet (null when none).
 */
public record OrderView(String id, String accountId, String region, OrderStatus status, Long version,
		List<OrderLine> lines, Money total, LocalDate requestedDeliveryDate, String deliverySite,
		LocalDate committedDeliveryDate, String placedBy, Instant placedAt, Instant updatedAt,
		String cancellationReason, String discountApprovedBy, CancellationRequest cancellationRequest) {

	static OrderView of(Order o) {
		return new OrderView(o.id(), o.accountId(), o.region(), o.status(), o.version(), o.lines(), o.total(),
				o.requestedDeliveryDate(), o.deliverySite(), o.committedDeliveryDate(), o.placedBy(), o.placedAt(),
				o.updatedAt(), o.cancellationReason(), o.discountApprovedBy(), o.cancellationRequest());
	}

}
