package com.chairside.account.account.web;

import java.time.Instant;

import com.chairside.account.account.Account;
import com.chairside.account.account.AccountStatus;

/** An account as the sales UI shows it. */
public record AccountView(String id, String leadId, String name, String region, String specialty, String city,
		String country, String owner, AccountStatus status, Long version, Instant openedAt) {

	static AccountView of(Account a) {
		return new AccountView(a.id(), a.leadId(), a.name(), a.region(), a.specialty(), a.city(), a.country(),
				a.owner(), a.status(), a.version(), a.openedAt());
	}

}
