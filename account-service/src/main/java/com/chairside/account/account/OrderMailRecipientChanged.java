package com.chairside.account.account;

import java.time.Instant;

/**
 * The practice's order-mail recipient or language changed. Carries the address (personal data) because
 * notification-service mails the practice about its orders, and for that purpose only.
 */
public record OrderMailRecipientChanged(String accountId, String region, String contactId, String email,
		String language, Instant changedAt) implements AccountEvent {
}
