package com.chairside.lead.lead.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.chairside.lead.lead.ActivityType;
import com.chairside.lead.lead.Direction;
import com.chairside.lead.lead.LeadActivity;
import com.chairside.lead.lead.LeadManagement.NewActivity;

/**
 * {@code POST /api/leads/{id}/activities}: the body of account-service's {@code POST /api/accounts/{id}/activities},
 * with the same validation, so that an activity reads the same before and after conversion.
 */
record LogActivityRequest(@NotNull ActivityType type, Direction direction, @NotNull Instant occurredAt,
		@Size(max = 50) List<@NotBlank String> participants, @NotBlank @Size(max = 4000) String summary,
		@Size(max = 2000) String outcome, @Valid NextStepBody nextStep) {

	record NextStepBody(@NotBlank @Size(max = 500) String action, @NotNull LocalDate due) {
	}

	NewActivity toActivity() {
		return new NewActivity(this.type, this.direction, this.occurredAt, this.participants, this.summary.strip(),
				this.outcome,
				(this.nextStep != null) ? new LeadActivity.NextStep(this.nextStep.action().strip(), this.nextStep.due())
						: null);
	}

}
