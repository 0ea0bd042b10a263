package com.chairside.lead.lead;

import java.time.Instant;

/**
 * Carries the practice's business name, kind, address and business phone, e-mail and website because account-service
 * opens the account from it; the contacts (personal data) stay in lead-service.
 */
public record LeadConverted(String leadId, String accountId, String practiceName, LeadKind kind, Specialty specialty,
		String region, String street, String postalCode, String city, String country, String email, String phone,
		String website, String owner, String convertedBy, Instant convertedAt) implements LeadEvent {
}
