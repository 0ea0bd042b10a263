package com.chairside.notification.orders;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The fields of order-service's OrderPlaced, OrderChanged and OrderCancelled that the departments are told; one
 * tolerant reader for all three, since they share most of them. {@code departments} (OrderChanged since issue 5) names
 * the departments the change touches; older events lack it.
 */
record OrderEvent(String orderId, String accountId, String region, String reason, List<Change> changes,
		List<Line> lines, Money total, LocalDate requestedDeliveryDate, List<String> departments) {

	record Change(String field, String before, String after) {
	}

	record Line(String sku, int quantity) {
	}

	record Money(BigDecimal amount, String currency) {

		@Override
		public String toString() {
			return this.amount.toPlainString() + " " + this.currency;
		}

	}

}
