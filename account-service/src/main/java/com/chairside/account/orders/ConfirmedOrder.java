package com.chairside.account.orders;

import java.time.Instant;

/** The part of order-service's {@code OrderConfirmed} that account status needs; the rest is ignored. */
record ConfirmedOrder(String orderId, String accountId, Instant confirmedAt) {
}
