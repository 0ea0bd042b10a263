package com.chairside.lead.lead;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A lead as someone captures it, before it has an id or an owner: the checks every new lead passes, whether it is typed
 * ({@code POST /api/leads} takes it as its body) or read from a row of an import (the CSV header names are these field
 * names). {@code region} may be left out: an account manager's own region is taken, anyone else's comes from the
 * territory rules.
 */
public record NewLead(@NotBlank @Size(max = 200) String practiceName, LeadKind kind,
		@NotNull Specialty specialty,
		@Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be an upper-case region code such as NORTHEAST") String region,
		@NotNull LeadSource source, @Size(max = 200) String conferenceName, @Size(max = 200) String street,
		@Pattern(regexp = "[\\p{Alnum} -]{2,12}", message = "must be a postal code such as 02115 or SW1A 1AA") String postalCode,
		@NotBlank @Size(max = 100) String city,
		@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as US") String country,
		@Email @Size(max = 200) String email,
		@Pattern(regexp = "\\+?[0-9 ().\\-/]{6,30}", message = "must be a phone number such as +1 617 555 0100") String phone,
		@Size(max = 200) String website, Set<@NotNull ProductInterest> productInterests, @Valid Money estimatedValue,
		LocalDate expectedDecisionDate, @Size(max = 4000) String notes) {

	/** Surrounding blanks are not an error: " Owner@Example.com " is taken as its trimmed self. */
	public NewLead {
		email = (email != null) ? email.strip() : null;
	}

	public LeadDetails toDetails() {
		return new LeadDetails(this.practiceName.strip(), this.kind, this.specialty, this.region, this.source,
				this.conferenceName, this.street, this.postalCode, this.city.strip(), this.country, this.email,
				this.phone, this.website, (this.productInterests != null) ? this.productInterests : Set.of(),
				this.estimatedValue, this.expectedDecisionDate, this.notes);
	}

}
