package com.chairside.account.account.web;

import java.time.Instant;

import com.chairside.account.account.BuyingRole;
import com.chairside.account.account.Contact;

/** A contact of an account as the sales UI shows it. */
public record ContactView(String id, String name, String title, String email, String phone, BuyingRole buyingRole,
		Instant addedAt) {

	static ContactView of(Contact c) {
		return new ContactView(c.id(), c.name(), c.title(), c.email(), c.phone(), c.buyingRole(), c.addedAt());
	}

}
