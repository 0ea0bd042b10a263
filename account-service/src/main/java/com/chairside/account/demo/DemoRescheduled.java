package com.chairside.account.demo;

import java.time.Instant;

/** A scheduled demo moved: its unit and times now, and before. */
public record DemoRescheduled(String demoId, String accountId, String leadId, String region, String demoUnit,
		Instant start, Instant end, String previousDemoUnit, Instant previousStart, Instant previousEnd,
		String rescheduledBy, Instant rescheduledAt) {
}
