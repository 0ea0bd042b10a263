package com.chairside.account.demo;

import java.time.Instant;

/** A scheduled demo was called off; its slot on the unit is free again. */
public record DemoCancelled(String demoId, String accountId, String leadId, String region, String demoUnit,
		Instant start, Instant end, String reason, String cancelledBy, Instant cancelledAt) {
}
