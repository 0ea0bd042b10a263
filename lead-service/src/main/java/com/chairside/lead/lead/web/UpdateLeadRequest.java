package com.chairside.lead.lead.web;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.chairside.lead.lead.LeadDetails;
import com.chairside.lead.lead.LeadKind;
import com.chairside.lead.lead.LeadSource;
import com.chairside.lead.lead.Money;
import com.chairside.lead.lead.ProductInterest;
import com.chairside.lead.lead.Specialty;

/** {@code PATCH /api/leads/{id}}: only the fields given change; region and owner change by reassignment. */
public record UpdateLeadRequest(@Size(min = 1, max = 200) String practiceName, LeadKind kind, Specialty specialty,
		LeadSource source, @Size(max = 200) String conferenceName, @Size(max = 200) String street,
		@Pattern(regexp = "[\\p{Alnum} -]{2,12}", message = "must be a postal code such as 02115 or SW1A 1AA") String postalCode,
		@Size(min = 1, max = 100) String city,
		@Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as US") String country,
		@Email @Size(max = 200) String email,
		@Pattern(regexp = "\\+?[0-9 ().\\-/]{6,30}", message = "must be a phone number such as +1 617 555 0100") String phone,
		@Size(max = 200) String website, Set<ProductInterest> productInterests, @Valid Money estimatedValue,
		LocalDate expectedDecisionDate, @Size(max = 4000) String notes) {

	/** Surrounding blanks are not an error: " Owner@Example.com " is taken as its trimmed self. */
	public UpdateLeadRequest {
		email = (email != null) ? email.strip() : null;
	}

	LeadDetails toChanges() {
		return new LeadDetails((this.practiceName != null) ? this.practiceName.strip() : null, this.kind,
				this.specialty, null, this.source, this.conferenceName, this.street, this.postalCode,
				(this.city != null) ? this.city.strip() : null, this.country, this.email, this.phone, this.website,
				this.productInterests, this.estimatedValue, this.expectedDecisionDate, this.notes);
	}

}
