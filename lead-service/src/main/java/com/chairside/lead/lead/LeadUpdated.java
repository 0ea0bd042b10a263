package com.chairside.lead.lead;

import java.time.Instant;
import java.util.List;

/** Names the changed fields; the values are read from lead-service (its field history says from what to what). */
public record LeadUpdated(String leadId, String region, List<String> changedFields, String updatedBy,
		Instant updatedAt) implements LeadEvent {
}
