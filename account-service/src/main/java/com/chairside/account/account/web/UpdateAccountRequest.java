package com.chairside.account.account.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.chairside.account.account.AccountChanges;
import com.chairside.account.account.AccountKind;

/** {@code PATCH /api/accounts/{id}}: the fields given change, the others stay. */
public record UpdateAccountRequest(@Size(min = 1, max = 200) String name,
		@Pattern(regexp = OpenAccountRequest.SPECIALTIES, message = "must be one of ORTHODONTICS, ORAL_SURGERY, PEDIATRIC_DENTISTRY, GENERAL_DENTISTRY") String specialty,
		AccountKind kind, @Size(max = 40) String taxId, @Valid AddressBody billingAddress,
		@Valid AddressBody siteAddress, @Size(max = 100) String resellerId) {

	AccountChanges toChanges() {
		return new AccountChanges(AddressBody.strip(this.name), this.specialty, this.kind, AddressBody.strip(this.taxId),
				AddressBody.toAddress(this.billingAddress), AddressBody.toAddress(this.siteAddress),
				AddressBody.strip(this.resellerId));
	}

}
