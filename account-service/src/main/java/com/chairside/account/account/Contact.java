package com.chairside.account.account;

import java.time.Instant;

/** A person at the account and the part they play in buying. */
public record Contact(String id, String name, String title, String email, String phone, BuyingRole buyingRole,
		Instant addedAt) {

}
