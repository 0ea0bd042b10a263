package com.chairside.lead.lead;

import java.time.Instant;

public record LeadQualified(String leadId, String region, Specialty specialty, Money estimatedValue, int score,
		String qualifiedBy, Instant qualifiedAt) implements LeadEvent {
}
