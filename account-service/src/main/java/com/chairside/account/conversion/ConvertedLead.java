package com.chairside.account.conversion;

import java.util.List;

/**
 * The part of lead-service's {@code LeadConverted} that opening an account needs; the rest is ignored. {@code kind},
 * {@code street}, {@code postalCode}, {@code email}, {@code phone}, {@code contacts} and {@code existingAccount} are
 * optional: older events on the topic lack them, and such a lead opens a new account without them.
 */
record ConvertedLead(String leadId, String accountId, String practiceName, String specialty, String region,
		String city, String country, String owner, String kind, String street, String postalCode, String email,
		String phone, List<ConvertedContact> contacts, Boolean existingAccount) {

	/** A contact of the lead, with its buying role; personal data that the account needs. */
	record ConvertedContact(String contactId, String name, String title, String email, String phone,
			String buyingRole) {
	}

}
