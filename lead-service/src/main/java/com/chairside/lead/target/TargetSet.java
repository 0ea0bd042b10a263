package com.chairside.lead.target;

import java.time.Instant;

import com.chairside.lead.lead.Money;

/** A region's target for a period was set or changed; carries the whole target, not a difference. */
public record TargetSet(String targetId, String region, String period, int leadsCaptured, int leadsQualified,
		int leadsConverted, Money bookings, String setBy, Instant setAt) {
}
