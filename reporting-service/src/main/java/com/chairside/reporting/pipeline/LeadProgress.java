package com.chairside.reporting.pipeline;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** Where one lead stands, as its events told it. */
@Document("lead_progress")
public record LeadProgress(@Id String leadId, @Indexed String region, String status, String specialty, String source,
		String owner, long sequence) {
}
