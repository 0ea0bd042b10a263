package com.chairside.account.demo.web;

import java.time.Instant;
import java.util.List;

import com.chairside.account.demo.Demo;
import com.chairside.account.demo.DemoOutcome;
import com.chairside.account.demo.DemoStatus;

public record DemoView(String id, String accountId, String leadId, String region, String demoUnit,
		List<String> products, Instant start, Instant end, DemoStatus status, DemoOutcome outcome, String notes,
		String scheduledBy, Instant completedAt, String cancelReason, String cancelledBy, Instant cancelledAt,
		Long version) {

	static DemoView of(Demo d) {
		return new DemoView(d.id(), d.accountId(), d.leadId(), d.region(), d.demoUnit(), d.products(), d.start(),
				d.end(), d.status(), d.outcome(), d.notes(), d.scheduledBy(), d.completedAt(), d.cancelReason(),
				d.cancelledBy(), d.cancelledAt(), d.version());
	}

}
