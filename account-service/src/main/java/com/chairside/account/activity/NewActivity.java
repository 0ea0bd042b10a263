package com.chairside.account.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An activity to log; {@code nextStepAction}/{@code nextStepDue} are null when there is no next step. */
public record NewActivity(ActivityType type, Direction direction, Instant occurredAt, List<String> participants,
		String summary, String outcome, String nextStepAction, LocalDate nextStepDue) {

}
