package com.chairside.account.conversion;

/** The part of lead-service's {@code LeadConverted} that opening an account needs; the rest is ignored. */
record ConvertedLead(String leadId, String accountId, String practiceName, String specialty, String region,
		String city, String country, String owner) {
}
