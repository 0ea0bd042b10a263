package com.chairside.account.activity.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.chairside.account.activity.ActivityType;
import com.chairside.account.activity.Direction;
import com.chairside.account.activity.NewActivity;

/** {@code POST /api/accounts/{id}/activities}. */
public record LogActivityRequest(@NotNull ActivityType type, Direction direction, @NotNull Instant occurredAt,
		@Size(max = 50) List<@NotBlank String> participants, @NotBlank @Size(max = 4000) String summary,
		@Size(max = 2000) String outcome, @Valid NextStepBody nextStep) {

	public record NextStepBody(@NotBlank @Size(max = 500) String action, @NotNull LocalDate due) {
	}

	NewActivity toActivity() {
		return new NewActivity(this.type, this.direction, this.occurredAt, this.participants, this.summary.strip(),
				this.outcome, (this.nextStep != null) ? this.nextStep.action().strip() : null,
				(this.nextStep != null) ? this.nextStep.due() : null);
	}

}
