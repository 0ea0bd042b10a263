package com.chairside.account.demo;

import java.time.Instant;

public record DemoCompleted(String demoId, String accountId, String leadId, String region, String demoUnit,
		DemoOutcome outcome, String completedBy, Instant completedAt) {
}
