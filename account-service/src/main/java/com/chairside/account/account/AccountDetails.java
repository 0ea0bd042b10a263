package com.chairside.account.account;

/**
 * What an account is opened with; {@code leadId} is null for an account opened directly, {@code resellerId} names the
 * reseller account an end customer is served through (null when served directly).
 */
public record AccountDetails(String leadId, String name, String region, String specialty, String city,
		String country, String owner, AccountKind kind, String taxId, Address billingAddress, Address siteAddress,
		String resellerId) {

	/** The details lead-service's conversion gives. */
	public static AccountDetails converted(String leadId, String name, String region, String specialty, String city,
			String country, String owner) {
		return new AccountDetails(leadId, name, region, specialty, city, country, owner, null, null, null, null, null);
	}

}
