package com.chairside.lead.lead;

import java.time.Instant;

/** Raised by the surviving lead ({@code leadId}); {@code mergedLeadId} no longer counts as a lead of its own. */
public record LeadsMerged(String leadId, String mergedLeadId, String region, String mergedBy, Instant mergedAt)
		implements LeadEvent {
}
