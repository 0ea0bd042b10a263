package com.chairside.account.activity.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.chairside.account.activity.Activity;
import com.chairside.account.activity.ActivityType;
import com.chairside.account.activity.Direction;

/**
 * An activity as the sales UI shows it on the timeline and in the overdue list; {@code leadId} names the lead it was
 * logged on (null for one logged on the account), {@code accountId} is null while that lead is not converted.
 */
public record ActivityView(String id, String accountId, String region, ActivityType type, Direction direction,
		Instant occurredAt, List<String> participants, String summary, String outcome, NextStepView nextStep,
		String assignee, String loggedBy, Instant loggedAt, String leadId) {

	public record NextStepView(String action, LocalDate due, boolean done) {
	}

	static ActivityView of(Activity a) {
		return new ActivityView(a.id(), a.accountId(), a.region(), a.type(), a.direction(), a.occurredAt(),
				a.participants(), a.summary(), a.outcome(),
				(a.nextStep() != null) ? new NextStepView(a.nextStep().action(), a.nextStep().due(), a.nextStep().done())
						: null,
				a.assignee(), a.loggedBy(), a.loggedAt(), a.leadId());
	}

}
