package com.chairside.lead.lead.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.chairside.lead.lead.BuyingRole;
import com.chairside.lead.lead.LeadManagement.NewContact;

/** {@code POST /api/leads/{id}/contacts} */
public record AddContactRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String title,
		@Email String email, @Size(max = 40) String phone, @NotNull BuyingRole buyingRole) {

	NewContact toContact() {
		return new NewContact(this.name.strip(), this.title, this.email, this.phone, this.buyingRole);
	}

}
