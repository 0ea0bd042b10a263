package com.chairside.account.demo.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
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
import io.swagger.v3.oas.annotations.Parameter;

/** Demos: 201 when the unit is free then, 409 when another demo holds it; moved and cancelled until they take place. */
@RestController
@RequestMapping("/api/demos")
class DemoController {

	/** {@code owner=me}: the caller. */
	static final String ME = "me";

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

	/**
	 * A demo unit's calendar ({@code demoUnit}), an account's or a lead's demos, or a person's demos in a time window
	 * ({@code owner} with {@code from} and {@code until}), by start time.
	 */
	@GetMapping
	@Operation(summary = "A demo unit's calendar, the demos of an account or a lead, or a person's demos in a window",
			description = "Give demoUnit, accountId or leadId; or owner with from and until (400 otherwise). The unit's"
					+ " calendar leaves cancelled demos out; an account's or a lead's list shows them with status"
					+ " CANCELLED. owner (me: the caller) lists the demos on the accounts that person holds now,"
					+ " starting from `from` (inclusive) until `until` (exclusive), at most 31 days apart, each with its"
					+ " practiceName; cancelled demos and those of leads not converted yet are left out. An account"
					+ " manager sees only their region's demos, whatever the owner.")
	Map<String, Object> list(@RequestParam(required = false) String accountId,
			@RequestParam(required = false) String leadId, @RequestParam(required = false) String demoUnit,
			@Parameter(description = "Whose demos: a person, or me for the caller; with from and until")
			@RequestParam(required = false) String owner,
			@Parameter(description = "The window's start, an instant such as 2026-12-07T00:00:00Z (inclusive)")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@Parameter(description = "The window's end (exclusive), after from and at most 31 days later")
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant until) {
		CurrentUser user = CurrentUser.get();
		if (owner != null || from != null || until != null) {
			return ofOwner(owner, from, until, accountId != null || leadId != null || demoUnit != null, user);
		}
		if (accountId == null && leadId == null && demoUnit == null) {
			throw new InvalidFieldException("accountId", "give accountId, leadId or demoUnit, or owner with from and until");
		}
		List<DemoView> demos = this.demos.list(accountId, leadId, demoUnit, user).stream().map(DemoView::of).toList();
		return Map.of("items", demos, "total", demos.size());
	}

	private Map<String, Object> ofOwner(String owner, Instant from, Instant until, boolean narrowedOtherwise,
			CurrentUser user) {
		if (owner == null || owner.isBlank()) {
			throw new InvalidFieldException("owner", "give owner (a person, or me) with from and until");
		}
		if (narrowedOtherwise) {
			throw new InvalidFieldException("owner", "give owner without accountId, leadId or demoUnit");
		}
		if (from == null) {
			throw new InvalidFieldException("from", "give the window's start");
		}
		if (until == null) {
			throw new InvalidFieldException("until", "give the window's end");
		}
		String person = ME.equals(owner.strip()) ? user.id() : owner.strip();
		List<PracticeDemoView> demos = this.demos.ofOwner(person, from, until, user)
			.stream()
			.map(PracticeDemoView::of)
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
