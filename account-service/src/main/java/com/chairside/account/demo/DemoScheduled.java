package com.chairside.account.demo;

import java.time.Instant;
import java.util.List;

/** A demo unit was booked; for an account ({@code accountId}) or a lead not converted yet ({@code leadId}). */
public record DemoScheduled(String demoId, String accountId, String leadId, String region, String demoUnit,
		List<String> products, Instant start, Instant end, String scheduledBy, Instant scheduledAt) {
}
