package com.chairside.account.account.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.chairside.account.account.BuyingRole;

/** {@code POST /api/accounts/{id}/contacts}. */
public record AddContactRequest(@NotBlank @Size(max = 200) String name, @Size(max = 100) String title,
		@Email @Size(max = 200) String email, @Size(max = 40) String phone, @NotNull BuyingRole buyingRole) {

}
