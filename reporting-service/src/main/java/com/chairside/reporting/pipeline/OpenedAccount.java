package com.chairside.reporting.pipeline;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An account opened, by region, with its specialty and current owner (the market and activity reports join on it). */
@Document("opened_accounts")
public record OpenedAccount(@Id String accountId, @Indexed String region, String leadId, String specialty,
		String owner, String openedAt, Long sequence) {
}
