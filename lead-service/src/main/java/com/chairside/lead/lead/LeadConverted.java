package com.chairside.lead.lead;

import java.time.Instant;

/** Carries the practice's business name and place because account-service opens the account from it. */
public record LeadConverted(String leadId, String accountId, String practiceName, Specialty specialty, String region,
		String city, String country, String owner, String convertedBy, Instant convertedAt) implements LeadEvent {
}
