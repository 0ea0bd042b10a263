package com.chairside.account.account;

import java.time.Instant;

public record AccountOwnerChanged(String accountId, String region, String previousOwner, String owner,
		String reason, String changedBy, Instant changedAt) implements AccountEvent {
}
