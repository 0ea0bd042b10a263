package com.chairside.order.order;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A line discount above the approval threshold, waiting for a sales manager's decision: the largest line discount, who
 * gave it, when, and the change's reason when it came with a change.
 */
public record DiscountRequest(BigDecimal discountPercent, String requestedBy, Instant requestedAt, String reason) {
}
