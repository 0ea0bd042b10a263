package com.chairside.lead.lead;

import java.time.Instant;
import java.util.List;

/**
 * Carries the practice's business name, kind, address and business phone, e-mail and website because account-service
 * opens the account from it, and the lead's contacts with their buying roles (personal data) because the account
 * needs its buying committee: without them the decision maker found on the lead would be lost. {@code existingAccount}
 * says the lead was converted into an account its practice had already ({@code accountId}), which the contacts join.
 */
public record LeadConverted(String leadId, String accountId, String practiceName, LeadKind kind, Specialty specialty,
		String region, String street, String postalCode, String city, String country, String email, String phone,
		String website, String owner, String convertedBy, Instant convertedAt, List<ConvertedContact> contacts,
		boolean existingAccount) implements LeadEvent {

	/** A contact of the lead as the account takes it over, under the same id. */
	public record ConvertedContact(String contactId, String name, String title, String email, String phone,
			BuyingRole buyingRole) {

		static ConvertedContact of(Contact contact) {
			return new ConvertedContact(contact.id(), contact.name(), contact.title(), contact.email(), contact.phone(),
					contact.buyingRole());
		}

	}

}
