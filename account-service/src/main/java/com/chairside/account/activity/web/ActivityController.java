package com.chairside.account.activity.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.account.activity.Activity;
import com.chairside.account.activity.ActivityLog;
import com.chairside.platform.security.CurrentUser;

/** Activities with accounts, the timeline and the overdue next steps. */
@RestController
class ActivityController {

	private final ActivityLog activities;

	ActivityController(ActivityLog activities) {
		this.activities = activities;
	}

	@PostMapping("/api/accounts/{id}/activities")
	ResponseEntity<ActivityView> log(@PathVariable String id, @Valid @RequestBody LogActivityRequest request) {
		Activity activity = this.activities.log(id, request.toActivity(), CurrentUser.get());
		return ResponseEntity.created(URI.create("/api/accounts/" + id + "/activities/" + activity.id())).body(ActivityView.of(activity));
	}

	/** Newest first, paged. */
	@GetMapping("/api/accounts/{id}/timeline")
	Map<String, Object> timeline(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		Page<Activity> found = this.activities.timeline(id, CurrentUser.get(), page, size);
		return Map.of("items", found.map(ActivityView::of).getContent(), "page", page, "total", found.getTotalElements());
	}

	/** The signed-in account manager's overdue next steps; managers may ask for anyone's with {@code owner}. */
	@GetMapping("/api/activities/overdue")
	Map<String, Object> overdue(@RequestParam(required = false) String owner) {
		CurrentUser user = CurrentUser.get();
		String assignee = (owner != null) ? owner : user.id();
		if (!assignee.equals(user.id()) && !user.seesAllRegions()) {
			throw new AccessDeniedException("Only managers see other account managers' next steps");
		}
		List<Activity> overdue = this.activities.overdue(assignee, user);
		return Map.of("owner", assignee, "items", overdue.stream().map(ActivityView::of).toList(), "total", overdue.size());
	}

	@PostMapping("/api/activities/{id}/next-step/done")
	ActivityView nextStepDone(@PathVariable String id) {
		return ActivityView.of(this.activities.completeNextStep(id, CurrentUser.get()));
	}

}
