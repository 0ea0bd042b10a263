package com.chairside.lead.lead;

import java.time.Instant;

/** Carries the reason from the list; the free-text note stays in lead-service. */
public record LeadDisqualified(String leadId, String region, DisqualificationReason reason, String disqualifiedBy,
		Instant disqualifiedAt) implements LeadEvent {
}
