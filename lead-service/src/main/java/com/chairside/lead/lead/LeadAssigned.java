package com.chairside.lead.lead;

import java.time.Instant;

/** {@code assignment} is AUTOMATIC (territory rules and round robin) or MANUAL (a reassignment). */
public record LeadAssigned(String leadId, String region, String owner, String previousOwner, String assignment,
		String assignedBy, Instant assignedAt) implements LeadEvent {
}
