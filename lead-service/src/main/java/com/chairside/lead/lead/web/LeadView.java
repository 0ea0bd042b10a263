package com.chairside.lead.lead.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.chairside.lead.lead.Completeness;
import com.chairside.lead.lead.Contact;
import com.chairside.lead.lead.DisqualificationReason;
import com.chairside.lead.lead.Lead;
import com.chairside.lead.lead.LeadKind;
import com.chairside.lead.lead.LeadSource;
import com.chairside.lead.lead.LeadStatus;
import com.chairside.lead.lead.Money;
import com.chairside.lead.lead.ProductInterest;
import com.chairside.lead.lead.Qualification;
import com.chairside.lead.lead.Specialty;

/** A lead as the sales UI shows it, with its completeness and BANT score. */
public record LeadView(String id, String practiceName, LeadKind kind, Specialty specialty, String region,
		LeadSource source, String conferenceName, String street, String postalCode, String city, String country,
		String email, String phone, String website, Set<ProductInterest> productInterests, Money estimatedValue,
		LocalDate expectedDecisionDate, String notes, String owner, LeadStatus status, List<Contact> contacts,
		String accountId, DisqualificationReason disqualificationReason, String disqualificationNote,
		String competitor, String mergedInto, Completeness completeness, Qualification qualification, Long version, Instant capturedAt,
		Instant updatedAt) {

	static LeadView of(Lead lead) {
		return new LeadView(lead.id(), lead.practiceName(), lead.kind(), lead.specialty(), lead.region(),
				lead.source(), lead.conferenceName(), lead.street(), lead.postalCode(), lead.city(), lead.country(),
				lead.email(), lead.phone(), lead.website(), lead.productInterests(), lead.estimatedValue(),
				lead.expectedDecisionDate(), lead.notes(), lead.owner(), lead.status(), lead.contacts(),
				lead.accountId(), lead.disqualificationReason(), lead.disqualificationNote(), lead.competitor(),
				lead.mergedInto(),
				lead.completeness(), lead.qualification(Instant.now()), lead.version(), lead.capturedAt(),
				lead.updatedAt());
	}

}
