package com.chairside.reporting.pipeline;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where one lead stands, as its events told it: when it reached each stage of the funnel (ISO instants as published),
 * so a report counts the stages reached in any period and the time between them. {@code competitor} is who a lead
 * disqualified as BOUGHT_FROM_COMPETITOR was lost to.
 */
@Document("lead_progress")
public record LeadProgress(@Id String leadId, @Indexed String region, String specialty, String source,
		String conferenceName, String owner, List<String> productInterests, String estimatedValue, String currency,
		String expectedDecisionDate, String capturedAt, String contactedAt, String qualifiedAt, String disqualifiedAt,
		String disqualifiedReason, String competitor, String convertedAt, String accountId, Long sequence) {

	/** The furthest stage reached: a conversion or disqualification ends the funnel. */
	public String status() {
		if (this.convertedAt != null) {
			return "CONVERTED";
		}
		if (this.disqualifiedAt != null) {
			return "DISQUALIFIED";
		}
		if (this.qualifiedAt != null) {
			return "QUALIFIED";
		}
		return (this.contactedAt != null) ? "CONTACTED" : "NEW";
	}

	public static Instant at(String instant) {
		return (instant != null) ? Instant.parse(instant) : null;
	}

}
