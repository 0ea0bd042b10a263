package com.chairside.lead.lead;

import java.time.LocalDate;
import java.util.Set;

/**
 * What is recorded about a practice. On capture, absent values stay empty; on an update, a null means "unchanged"
 * ({@code productInterests} too), and the region is not changed this way (reassignment is its own operation).
 */
public record LeadDetails(String practiceName, LeadKind kind, Specialty specialty, String region, LeadSource source,
		String conferenceName, String street, String postalCode, String city, String country, String email,
		String phone, String website, Set<ProductInterest> productInterests, Money estimatedValue,
		LocalDate expectedDecisionDate, String notes) {

	public MatchKeys matchKeys() {
		return MatchKeys.of(this.email, this.phone, this.practiceName, this.postalCode);
	}

	/** The same details, placed in the given region. */
	public LeadDetails inRegion(String region) {
		return new LeadDetails(this.practiceName, this.kind, this.specialty, region, this.source, this.conferenceName,
				this.street, this.postalCode, this.city, this.country, this.email, this.phone, this.website,
				this.productInterests, this.estimatedValue, this.expectedDecisionDate, this.notes);
	}

}
