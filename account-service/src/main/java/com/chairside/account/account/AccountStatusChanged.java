package com.chairside.account.account;

import java.time.Instant;

/** {@code reason}: FIRST_ORDER_CONFIRMED, ORDER_CONFIRMED, ACTIVITY or NO_ACTIVITY; {@code orderId} when an order. */
public record AccountStatusChanged(String accountId, String region, String owner, AccountStatus previousStatus,
		AccountStatus status, String reason, String orderId, Instant changedAt) implements AccountEvent {
}
