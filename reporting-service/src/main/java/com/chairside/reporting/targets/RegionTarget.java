package com.chairside.reporting.targets;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The latest target of a region for a month or a year; id {@code <region>:<period>}, the event's subject. */
@Document("region_targets")
public record RegionTarget(@Id String id, String region, String period, long leadsCaptured, long leadsQualified,
		long leadsConverted, String bookingsAmount, String bookingsCurrency, long sequence, String lastEventId) {
}
