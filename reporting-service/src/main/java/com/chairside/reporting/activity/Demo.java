package com.chairside.reporting.activity;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One demo, scheduled and perhaps completed, from {@code chairside.demos}. */
@Document("demos")
public record Demo(@Id String demoId, String accountId, @Indexed String region, String demoUnit, String scheduledBy,
		String start, String completedBy, String completedAt, String outcome, Long sequence) {
}
