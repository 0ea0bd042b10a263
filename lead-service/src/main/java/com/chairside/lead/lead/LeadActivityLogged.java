package com.chairside.lead.lead;

import java.time.Instant;
import java.util.List;

/**
 * An activity was logged on the lead. It carries the activity whole (free text and participants included) because
 * account-service keeps it: its next step is overdue among the owner's ({@code GET /api/activities/overdue}), and it
 * joins the account's timeline when the lead is converted. {@code owner} owes the next step.
 */
public record LeadActivityLogged(String leadId, String region, String owner, String activityId, ActivityType type,
		Direction direction, Instant occurredAt, List<String> participants, String summary, String outcome,
		LeadActivity.NextStep nextStep, String loggedBy, Instant loggedAt) implements LeadEvent {

	static LeadActivityLogged of(String leadId, String region, String owner, LeadActivity a) {
		return new LeadActivityLogged(leadId, region, owner, a.id(), a.type(), a.direction(), a.occurredAt(),
				a.participants(), a.summary(), a.outcome(), a.nextStep(), a.loggedBy(), a.loggedAt());
	}

}
