package com.chairside.lead.lead;

import java.time.Instant;
import java.util.List;

/**
 * Names the changed fields; their values are read from lead-service (its field history says from what to what). The
 * lead's source and conference name after the change come with every update, since reports attribute leads by them
 * and cannot ask lead-service when they rebuild from the topic.
 */
public record LeadUpdated(String leadId, String region, List<String> changedFields, LeadSource source,
		String conferenceName, String updatedBy, Instant updatedAt) implements LeadEvent {
}
