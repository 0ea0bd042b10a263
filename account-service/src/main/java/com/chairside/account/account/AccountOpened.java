package com.chairside.account.account;

import java.time.Instant;

public record AccountOpened(String accountId, String leadId, String name, String region, String specialty,
		String city, String country, String owner, AccountStatus status, Instant openedAt, AccountKind kind,
		String taxId, String resellerId) implements AccountEvent {
}
