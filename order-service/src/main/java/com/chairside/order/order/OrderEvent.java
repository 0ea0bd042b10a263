package com.chairside.order.order;

/** What happened to an order, as published on {@code chairside.orders} (see contracts/events). */
public sealed interface OrderEvent permits OrderDrafted, OrderPlaced, OrderConfirmed, OrderStatusChanged, OrderChanged,
		OrderCancelled, DiscountApprovalRequested, DiscountApproved, DiscountRejected, DeliveryCommitmentAtRisk,
		DeliveryCommitmentMissed, DeliveryCommitmentChanged, OrderCancellationRequested, OrderCancellationRejected {

	String orderId();

	/** The order's number for people ({@code SO-<year>-<six digits>}), carried by every order event. */
	String orderNumber();

}
