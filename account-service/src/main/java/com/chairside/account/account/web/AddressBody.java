package com.chairside.account.account.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.chairside.account.account.Address;

/** An address in a request or a view. */
public record AddressBody(@Size(max = 200) String street, @NotBlank @Size(max = 20) String postalCode,
		@NotBlank @Size(max = 100) String city,
		@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as US") String country) {

	Address toAddress() {
		return new Address(strip(this.street), this.postalCode.strip(), this.city.strip(), this.country);
	}

	static AddressBody of(Address a) {
		return (a != null) ? new AddressBody(a.street(), a.postalCode(), a.city(), a.country()) : null;
	}

	static Address toAddress(AddressBody body) {
		return (body != null) ? body.toAddress() : null;
	}

	static String strip(String s) {
		return (s == null || s.isBlank()) ? null : s.strip();
	}

}
