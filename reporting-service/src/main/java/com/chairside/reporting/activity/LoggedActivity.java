package com.chairside.reporting.activity;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One activity an account manager logged (call, visit, conference...), from ActivityLogged. */
@Document("activities")
public record LoggedActivity(@Id String activityId, String accountId, @Indexed String region, String type,
		String loggedBy, String occurredAt, Long sequence) {
}
