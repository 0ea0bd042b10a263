package com.chairside.order.order.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.chairside.order.catalog.Money;
import com.chairside.order.order.CancellationRequest;
import com.chairside.order.order.DiscountRejection;
import com.chairside.order.order.DiscountRequest;
import com.chairside.order.order.Order;
import com.chairside.order.order.OrderLine;
import com.chairside.order.order.OrderStatus;

/**
 * An order as the sales UI shows it; {@code number} is the one people use ({@code SO-2026-000042}); {@code version}
 * goes up with every change and is the ETag. {@code cancellationRequest} is the cancellation asked for and not decided
 * yet (null when none), {@code pendingDiscount} the discount above the threshold that waits for a sales manager (null
 * when none), {@code discountRejection} the last discount turned down (until a new one is asked for);
 * {@code lastChangedBy} created or last changed the order and, like the placer, decides nothing on it.
 */
public record OrderView(String id, String number, String accountId, String region, OrderStatus status, Long version,
		List<OrderLine> lines, Money total, LocalDate requestedDeliveryDate, String deliverySite,
		LocalDate committedDeliveryDate, String placedBy, Instant placedAt, Instant updatedAt,
		String cancellationReason, String discountApprovedBy, CancellationRequest cancellationRequest,
		DiscountRequest pendingDiscount, DiscountRejection discountRejection, String lastChangedBy) {

	static OrderView of(Order o) {
		return new OrderView(o.id(), o.number(), o.accountId(), o.region(), o.status(), o.version(), o.lines(),
				o.total(), o.requestedDeliveryDate(), o.deliverySite(), o.committedDeliveryDate(), o.placedBy(),
				o.placedAt(), o.updatedAt(), o.cancellationReason(), o.discountApprovedBy(), o.cancellationRequest(),
				o.pendingDiscount(), o.discountRejection(), o.lastChangedBy());
	}

}
