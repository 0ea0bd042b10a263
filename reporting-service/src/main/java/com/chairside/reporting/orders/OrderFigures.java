package com.chairside.reporting.orders;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One order as the reports count it; amounts are kept as decimal strings, summed exactly. */
@Document("order_figures")
public record OrderFigures(@Id String orderId, @Indexed String region, String accountId, Boolean placed,
		Boolean cancelled, Integer changes, String total, String currency, long sequence) {

	/** Fields an event has not set yet read as false and zero: a projection document grows event by event. */
	public boolean wasPlaced() {
		return Boolean.TRUE.equals(this.placed);
	}

	public boolean wasCancelled() {
		return Boolean.TRUE.equals(this.cancelled);
	}

	public int changeCount() {
		return (this.changes != null) ? this.changes : 0;
	}

}
