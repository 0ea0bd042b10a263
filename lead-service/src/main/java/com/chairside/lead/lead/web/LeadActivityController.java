package com.chairside.lead.lead.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.lead.lead.LeadActivity;
import com.chairside.lead.lead.LeadManagement;
import com.chairside.lead.lead.LeadManagement.TimelineEntry;
import com.chairside.platform.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;

/** Activities with a lead's practice, and the lead's timeline. */
@RestController
@RequestMapping("/api/leads/{id}")
class LeadActivityController {

	private final LeadManagement leads;

	LeadActivityController(LeadManagement leads) {
		this.leads = leads;
	}

	@PostMapping("/activities")
	@Operation(summary = "Log an activity on the lead",
			description = "The body of POST /api/accounts/{id}/activities, with the same validation. Publishes"
					+ " LeadActivityLogged: account-service lists its next step among the owner's overdue ones"
					+ " (GET /api/activities/overdue) and puts it on the account's timeline when the lead is"
					+ " converted. 422 LEAD_CLOSED once the lead is converted (log it on the account) or merged.")
	ResponseEntity<LeadActivity> log(@PathVariable String id, @Valid @RequestBody LogActivityRequest request) {
		LeadActivity activity = this.leads.logActivity(id, request.toActivity(), CurrentUser.get());
		return ResponseEntity.created(URI.create("/api/leads/" + id + "/activities/" + activity.id())).body(activity);
	}

	@GetMapping("/timeline")
	@Operation(summary = "The lead's activities and field changes, newest first",
			description = "Each item is an activity (kind ACTIVITY, at = when it happened) or a change of a field,"
					+ " the status or the owner (kind CHANGE, at = when it was made), paged.")
	Map<String, Object> timeline(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		List<TimelineEntry> entries = this.leads.timeline(id, CurrentUser.get());
		int from = (int) Math.min((long) page * size, entries.size());
		List<TimelineEntry> items = entries.subList(from, Math.min(from + size, entries.size()));
		return Map.of("items", items, "page", page, "size", size, "total", entries.size());
	}

}
