package com.chairside.notification.routing;

import java.util.Set;

/** The events this service tells people of; rules and webhook subscriptions name these. */
public final class NotifiedEvents {

	public static final Set<String> NAMES = Set.of("OrderPlaced", "OrderChanged", "OrderCancelled",
			"DeliveryCommitmentAtRisk", "DeliveryCommitmentMissed", "LeadAssigned", "ChannelConflictDetected",
			"DiscountApprovalRequested", "DiscountApproved", "DiscountRejected", "OrderCancellationRequested",
			"OrderCancellationRejected");

	private NotifiedEvents() {
	}

	/** {@code OrderCancelled} for {@code OrderCancelled} or {@code chairside.order.OrderCancelled.v1}. */
	public static String nameOf(String type) {
		if (type == null) {
			return null;
		}
		String[] parts = type.split("\\.");
		return (parts.length >= 4) ? parts[parts.length - 2] : type;
	}

}
