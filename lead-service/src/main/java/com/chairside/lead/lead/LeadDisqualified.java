package com.chairside.lead.lead;

import java.time.Instant;

/**
 * Carries the reason from the list and, for a lead lost to a competitor, the competitor's name (null otherwise); the
 * free-text note stays in lead-service.
 */
public record LeadDisqualified(String leadId, String region, DisqualificationReason reason, String disqualifiedBy,
		Instant disqualifiedAt, String competitor) implements LeadEvent {
}
