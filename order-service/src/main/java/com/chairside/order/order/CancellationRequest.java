package com.chairside.order.order;

import java.time.Instant;

/**
 * A cancellation an account manager or sales administration asked for and a sales manager has not decided yet; the
 * order holds at most one.
 */
public record CancellationRequest(String reason, String requestedBy, Instant requestedAt) {
}
