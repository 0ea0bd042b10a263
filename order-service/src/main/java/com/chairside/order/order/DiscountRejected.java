package com.chairside.order.order;

import java.time.Instant;

/**
 * A sales manager (or an admin) turned a discount down, for a reason; the quote stays a draft until its discounts
 * are within the threshold or approved.
 */
public record DiscountRejected(String orderId, String orderNumber, String accountId, String region,
		String discountPercent, String requestedBy, String decidedBy, String reason, Instant rejectedAt)
		implements OrderEvent {
}
