package com.chairside.lead.lead;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A call, visit, e-mail, meeting, demo, conference encounter or training session with the practice while it is a
 * lead; {@code nextStep} is null when none was agreed. It goes to account-service as {@code LeadActivityLogged}, and
 * with the lead to its account.
 */
public record LeadActivity(String id, ActivityType type, Direction direction, Instant occurredAt,
		List<String> participants, String summary, String outcome, NextStep nextStep, String loggedBy,
		Instant loggedAt) {

	/** What was agreed to do next, and by when. */
	public record NextStep(String action, LocalDate due) {
	}

}
