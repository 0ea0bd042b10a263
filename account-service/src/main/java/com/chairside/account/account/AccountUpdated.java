package com.chairside.account.account;

import java.time.Instant;
import java.util.List;

/** Fields of the account changed; {@code changes} says which, before and after. */
public record AccountUpdated(String accountId, String region, List<Change> changes, String updatedBy,
		Instant updatedAt) implements AccountEvent {

	public record Change(String field, String from, String to) {
	}

}
