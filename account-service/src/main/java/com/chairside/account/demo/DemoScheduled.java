package com.chairside.account.demo;

import java.time.Instant;
import java.util.List;

public record DemoScheduled(String demoId, String accountId, String region, String demoUnit, List<String> products,
		Instant start, Instant end, String scheduledBy, Instant scheduledAt) {
}
