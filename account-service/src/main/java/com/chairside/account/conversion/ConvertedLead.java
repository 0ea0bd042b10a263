package com.chairside.account.conversion;

/**
 * The part of lead-service's {@code LeadConverted} that opening an account needs; the rest is ignored. {@code kind},
 * {@code street} and {@code postalCode} are optional (absent from events of before issue 3).
 */
record ConvertedLead(String leadId, String accountId, String practiceName, String specialty, String region,
		String city, String country, String owner, String kind, String street, String postalCode) {
}
