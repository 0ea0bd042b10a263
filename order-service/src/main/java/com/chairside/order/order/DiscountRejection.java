package com.chairside.order.order;

import java.math.BigDecimal;
import java.time.Instant;

/** The last discount a sales manager turned down, and why; it stays on the order until a new discount is asked for. */
public record DiscountRejection(BigDecimal discountPercent, String requestedBy, String rejectedBy, Instant rejectedAt,
		String reason) {
}
