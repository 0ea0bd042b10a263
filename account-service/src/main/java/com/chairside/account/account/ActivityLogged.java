package com.chairside.account.account;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An account manager logged a call, visit, e-mail, meeting, demo, conference encounter or training session. The free
 * text (summary, outcome, next step, participants) stays in account-service; {@code nextStepDue} is null without a
 * next step.
 */
public record ActivityLogged(String accountId, String region, String activityId, String type, String direction,
		Instant occurredAt, LocalDate nextStepDue, String loggedBy) implements AccountEvent {

}
