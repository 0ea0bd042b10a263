package com.chairside.lead.lead;

import java.util.Set;

/** What an account manager records about a practice when capturing it as a lead. */
public record LeadDetails(String practiceName, Specialty specialty, String region, LeadSource source,
		String conferenceName, String city, String country, String email, String phone, String website,
		Set<ProductInterest> productInterests, Money estimatedValue, String notes) {
}
