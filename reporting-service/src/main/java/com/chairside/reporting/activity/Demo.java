package com.chairside.reporting.activity;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One demo from {@code chairside.demos}: {@code status} SCHEDULED, COMPLETED or CANCELLED (null for a demo projected
 * before the status was kept: scheduled, or completed when it has {@code completedAt}); unit and start as last moved.
 */
@Document("demos")
public record Demo(@Id String demoId, String accountId, String leadId, @Indexed String region, String demoUnit,
		String scheduledBy, String start, String status, String completedBy, String completedAt, String outcome,
		String cancelledBy, String cancelledAt, Long sequence) {

	/** Scheduled and neither held nor called off yet. */
	public boolean scheduled() {
		return this.completedAt == null && this.cancelledAt == null;
	}

}
