package com.chairside.lead.lead.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.chairside.lead.lead.Contact;
import com.chairside.lead.lead.Lead;
import com.chairside.lead.lead.LeadSource;
import com.chairside.lead.lead.LeadStatus;
import com.chairside.lead.lead.Money;
import com.chairside.lead.lead.ProductInterest;
import com.chairside.lead.lead.Specialty;

/** A lead as the sales UI shows it. */
public record LeadView(String id, String practiceName, Specialty specialty, String region, LeadSource source,
		String conferenceName, String city, String country, String email, String phone, String website,
		Set<ProductInterest> productInterests, Money estimatedValue, String notes, String owner, LeadStatus status,
		List<Contact> contacts, String accountId, Long version, Instant capturedAt, Instant updatedAt) {

	static LeadView of(Lead lead) {
		return new LeadView(lead.id(), lead.practiceName(), lead.specialty(), lead.region(), lead.source(),
				lead.conferenceName(), lead.city(), lead.country(), lead.email(), lead.phone(), lead.website(),
				lead.productInterests(), lead.estimatedValue(), lead.notes(), lead.owner(), lead.status(),
				lead.contacts(), lead.accountId(), lead.version(), lead.capturedAt(), lead.updatedAt());
	}

}
