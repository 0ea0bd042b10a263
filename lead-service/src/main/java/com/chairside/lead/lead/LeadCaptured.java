package com.chairside.lead.lead;

import java.time.Instant;
import java.util.Set;

public record LeadCaptured(String leadId, String practiceName, LeadKind kind, Specialty specialty, String region,
		LeadSource source, String city, String country, Set<ProductInterest> productInterests, Money estimatedValue,
		String owner, Instant capturedAt) implements LeadEvent {
}
