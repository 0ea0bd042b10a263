package com.chairside.lead.lead;

import java.time.Instant;

/** Carries no name or contact details: those are personal data and stay in lead-service. */
public record DecisionMakerIdentified(String leadId, String contactId, BuyingRole buyingRole, String region,
		String identifiedBy, Instant identifiedAt) implements LeadEvent {
}
