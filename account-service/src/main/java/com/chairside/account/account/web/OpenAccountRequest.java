package com.chairside.account.account.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.chairside.account.account.AccountDetails;
import com.chairside.account.account.AccountKind;

/**
 * {@code POST /api/accounts}: an account opened without a lead (an existing customer, a reseller, an end customer
 * served through a reseller). Name, city and country are required; the others are optional.
 */
public record OpenAccountRequest(@NotBlank @Size(max = 200) String name,
		@Pattern(regexp = "[A-Z][A-Z0-9_]*", message = "must be an upper-case region code such as NORTHEAST") String region,
		@Pattern(regexp = SPECIALTIES, message = "must be one of ORTHODONTICS, ORAL_SURGERY, PEDIATRIC_DENTISTRY, GENERAL_DENTISTRY") String specialty,
		@NotBlank @Size(max = 100) String city,
		@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as US") String country,
		AccountKind kind, @Size(max = 40) String taxId, @Valid AddressBody billingAddress,
		@Valid AddressBody siteAddress, @Size(max = 100) String resellerId) {

	static final String SPECIALTIES = "ORTHODONTICS|ORAL_SURGERY|PEDIATRIC_DENTISTRY|GENERAL_DENTISTRY";

	AccountDetails toDetails(String defaultRegion, String owner) {
		return new AccountDetails(null, this.name.strip(), (this.region != null) ? this.region : defaultRegion,
				this.specialty, this.city.strip(), this.country, owner, this.kind, AddressBody.strip(this.taxId),
				AddressBody.toAddress(this.billingAddress), AddressBody.toAddress(this.siteAddress),
				AddressBody.strip(this.resellerId));
	}

}
