package com.chairside.lead.lead.web;

import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.chairside.lead.lead.LeadDetails;
import com.chairside.lead.lead.LeadSource;
import com.chairside.lead.lead.Money;
import com.chairside.lead.lead.ProductInterest;
import com.chairside.lead.lead.Specialty;

/** {@code POST /api/leads}. {@code region} may be left out: an account manager's own region is taken. */
public record CaptureLeadRequest(@NotBlank @Size(max = 200) String practiceName, @NotNull Specialty specialty,
		@Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be an upper-case region code such as NORTHEAST") String region,
		@NotNull LeadSource source, @Size(max = 200) String conferenceName, @NotBlank @Size(max = 100) String city,
		@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as US") String country,
		@Email String email, @Size(max = 40) String phone, @Size(max = 200) String website,
		Set<@NotNull ProductInterest> productInterests, @Valid Money estimatedValue, @Size(max = 4000) String notes) {

	LeadDetails toDetails(String defaultRegion) {
		return new LeadDetails(this.practiceName.strip(), this.specialty, (this.region != null) ? this.region : defaultRegion,
				this.source, this.conferenceName, this.city.strip(), this.country, this.email, this.phone, this.website,
				(this.productInterests != null) ? this.productInterests : Set.of(), this.estimatedValue, this.notes);
	}

}
