package com.chairside.reporting.orders;

import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One order as the reports count it, from its drafting to its delivery: status, value (decimal strings, summed
 * exactly) in total and by product line, each change with its value effect, the cancellation and its reason, the
 * committed delivery date and any risk or miss of it. Instants and dates are kept as published.
 */
@Document("order_figures")
public record OrderFigures(@Id String orderId, @Indexed String region, String accountId, String owner, String status,
		Boolean placed, Boolean cancelled, Integer changes, String total, String currency,
		Map<String, String> valueByProductLine, String draftedAt, String placedAt, String confirmedAt,
		String cancelledAt, String cancelReason, String cancelledStatusBefore, List<Change> changeLog,
		String requestedDeliveryDate, String committedDeliveryDate, String deliveredAt, String atRiskReason,
		String atRiskFor, String atRiskAt, Boolean missed, String missedFor, Integer daysLate, String missedAt,
		String missedStatus, String commitmentChangeReason, Long sequence) {

	/** Fields an event has not set yet read as false and zero: a projection document grows event by event. */
	public boolean wasPlaced() {
		return Boolean.TRUE.equals(this.placed);
	}

	public boolean wasCancelled() {
		return Boolean.TRUE.equals(this.cancelled);
	}

	public boolean wasMissed() {
		return Boolean.TRUE.equals(this.missed);
	}

	public int changeCount() {
		return (this.changes != null) ? this.changes : 0;
	}

	public List<Change> changeLogOrEmpty() {
		return (this.changeLog != null) ? this.changeLog : List.of();
	}

	public Map<String, String> valueByProductLineOrEmpty() {
		return (this.valueByProductLine != null) ? this.valueByProductLine : Map.of();
	}

	/** One change of the order: when, why, and its total before and after (null when the total did not change). */
	public record Change(String at, String reason, String totalBefore, String totalAfter) {
	}

}
