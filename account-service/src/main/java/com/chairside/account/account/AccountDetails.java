package com.chairside.account.account;

/** What an account is opened with; {@code leadId} is null for an account opened directly. */
public record AccountDetails(String leadId, String name, String region, String specialty, String city,
		String country, String owner) {
}
