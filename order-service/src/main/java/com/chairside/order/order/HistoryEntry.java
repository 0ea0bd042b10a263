package com.chairside.order.order;

import java.time.Instant;
import java.util.List;

/** One step in an order's life, kept on the order: what happened, who did it, why, and what changed. */
public record HistoryEntry(Instant at, String event, String by, String reason, OrderStatus status, List<Change> changes) {
}
