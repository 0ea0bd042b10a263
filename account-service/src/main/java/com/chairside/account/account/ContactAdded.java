package com.chairside.account.account;

import java.time.Instant;

/** A contact was added; names, e-mails and phones stay in account-service, the event carries the buying role. */
public record ContactAdded(String accountId, String region, String contactId, BuyingRole buyingRole, Instant addedAt)
		implements AccountEvent {
}
