package com.chairside.order.order;

/** What happened to an order, as published on {@code chairside.orders} (see contracts/events). */
public sealed interface OrderEvent permits OrderDrafted, OrderPlaced, OrderConfirmed, OrderStatusChanged, OrderChanged,
		OrderCancelled, DiscountApproved, DeliveryCommitmentAtRisk, DeliveryCommitmentMissed,
		DeliveryCommitmentChanged, OrderCancellationRequested, OrderCancellationRejected {

	String orderId();

}
