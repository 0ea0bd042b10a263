package com.chairside.account.demo.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.account.demo.Demo;
import com.chairside.account.demo.DemoManagement;
import com.chairside.account.demo.DemoUnitBookedException;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.InvalidFieldException;

import io.swagger.v3.oas.annotations.Operation;

/** Demos: 201 when the unit is free then, 409 when another demo holds it; moved and cancelled until they take place. */
@RestController
@RequestMapping("/api/demos")
class DemoController {

	private final DemoManagement demos;

	DemoController(DemoManagement demos) {
		this.demos = demos;
	}

	@PostMapping
	@Operation(summary = "Book a demo unit for an account or a lead",
			description = "Exactly one of accountId and leadId (400 otherwise). A lead must be known to account-service"
					+ " from lead-service's events and be of the caller's region, else 404 (a lead captured a moment ago"
					+ " may take a moment to arrive); a converted lead's demo is booked for its account. 409"
					+ " DEMO_UNIT_BOOKED, with clashStart and clashEnd, when another demo holds the unit then."
					+ " Publishes DemoScheduled.")
	ResponseEntity<DemoView> schedule(@Valid @RequestBody ScheduleDemoRequest request) {
		if ((request.accountId() == null) == (request.leadId() == null)) {
			throw new InvalidFieldException((request.accountId() == null) ? "accountId" : "leadId",
					"give exactly one of accountId and leadId");
		}
		Demo demo = this.demos.schedule(strip(request.accountId()), strip(request.leadId()), request.demoUnit().strip(),
				request.products(), request.start(), request.end(), CurrentUser.get());
		return ResponseEntity.created(URI.create("/api/demos/" + demo.id())).body(DemoView.of(demo));
	}

	/** A demo unit's calendar ({@code demoUnit}), an account's or a lead's demos, by start time. */
	@GetMapping
	@Operation(summary = "A demo unit's calendar, or the demos of an account or a lead",
			description = "Give demoUnit, accountId or leadId (400 otherwise). The unit's calendar leaves cancelled"
					+ " demos out; an account's or a lead's list shows them with status CANCELLED.")
	Map<String, Object> list(@RequestParam(required = false) String accountId,
			@RequestParam(required = false) String leadId, @RequestParam(required = false) String demoUnit) {
		if (accountId == null && leadId == null && demoUnit == null) {
			throw new InvalidFieldException("accountId", "give accountId, leadId or demoUnit");
		}
		List<DemoView> demos = this.demos.list(accountId, leadId, demoUnit, CurrentUser.get())
			.stream()
			.map(DemoView::of)
			.toList();
		return Map.of("items", demos, "total", demos.size());
	}

	@GetMapping("/{id}")
	DemoView demo(@PathVariable String id) {
		return DemoView.of(this.demos.find(id, CurrentUser.get()));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Move a scheduled demo: other times and/or another unit",
			description = "Any of start, end and demoUnit; what is not given stays. 400 when the end is not after the"
					+ " start or nothing is given; 409 DEMO_UNIT_BOOKED, with clashStart and clashEnd, when another"
					+ " demo holds the unit then; 422 DEMO_COMPLETED or DEMO_CANCELLED. Publishes DemoRescheduled.")
	DemoView reschedule(@PathVariable String id, @Valid @RequestBody RescheduleDemoRequest request) {
		if (request.start() == null && request.end() == null && request.demoUnit() == null) {
			throw new InvalidFieldException("start", "give start, end or demoUnit");
		}
		return DemoView.of(this.demos.reschedule(id, strip(request.demoUnit()), request.start(), request.end(),
				CurrentUser.get()));
	}

	@PostMapping("/{id}/cancel")
	@Operation(summary = "Cancel a scheduled demo for a reason; its slot is free again",
			description = "The unit's calendar no longer shows it and the slot can be booked again. 422 DEMO_COMPLETED"
					+ " or DEMO_CANCELLED. Publishes DemoCancelled.")
	DemoView cancel(@PathVariable String id, @Valid @RequestBody CancelDemoRequest request) {
		return DemoView.of(this.demos.cancel(id, request.reason().strip(), CurrentUser.get()));
	}

	@PostMapping("/{id}/complete")
	@Operation(summary = "Record that a scheduled demo took place, with its outcome",
			description = "An account's demo goes on its timeline as a DEMO activity. 422 DEMO_COMPLETED or"
					+ " DEMO_CANCELLED. Publishes DemoCompleted.")
	DemoView complete(@PathVariable String id, @Valid @RequestBody CompleteDemoRequest request) {
		return DemoView.of(this.demos.complete(id, request.outcome(), request.notes(), CurrentUser.get()));
	}

	/** The platform's 409 with the time of the demo that holds the unit (not that demo: it may be another region's). */
	@ExceptionHandler(DemoUnitBookedException.class)
	ProblemDetail unitBooked(DemoUnitBookedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setTitle("Conflict");
		problem.setProperty("code", ex.code());
		problem.setProperty("clashStart", ex.clashStart().toString());
		problem.setProperty("clashEnd", ex.clashEnd().toString());
		return problem;
	}

	private static String strip(String value) {
		return (value != null) ? value.strip() : null;
	}

}
