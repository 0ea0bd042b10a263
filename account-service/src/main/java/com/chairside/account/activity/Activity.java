package com.chairside.account.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of an account's timeline. {@code assignee} is who owes the next step: the account's owner when it was
 * logged, moved along when the account changes hands. An activity logged on a lead in lead-service names the lead
 * ({@code leadId}) and has no {@code accountId} until the lead is converted; its assignee is the lead's owner.
 */
@Document("activities")
@CompoundIndex(name = "timeline", def = "{'accountId': 1, 'occurredAt': -1}")
@CompoundIndex(name = "overdue", def = "{'assignee': 1, 'nextStep.done': 1, 'nextStep.due': 1}")
public record Activity(@Id String id, String accountId, String region, ActivityType type, Direction direction,
		Instant occurredAt, List<String> participants, String summary, String outcome, NextStep nextStep,
		String assignee, String loggedBy, Instant loggedAt, String leadId) {

	public record NextStep(String action, LocalDate due, boolean done) {
	}

}
