package com.chairside.lead.lead;

import java.time.Instant;
import java.util.Set;

/** {@code conferenceName} names the conference of a lead from one (null when none was given). */
public record LeadCaptured(String leadId, String practiceName, LeadKind kind, Specialty specialty, String region,
		LeadSource source, String conferenceName, String city, String country, Set<ProductInterest> productInterests,
		Money estimatedValue, String owner, Instant capturedAt) implements LeadEvent {
}
