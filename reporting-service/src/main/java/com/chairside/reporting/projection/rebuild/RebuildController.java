package com.chairside.reporting.projection.rebuild;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/reports/rebuild {"projection":"orders"}} (or {@code "all"}, or no body: every projection) answers
 * 202 with the rebuild's id; {@code GET /api/reports/rebuild/{id}} its state and progress. Admins only.
 */
@RestController
@RequestMapping("/api/reports/rebuild")
class RebuildController {

	private final Rebuilds rebuilds;

	RebuildController(Rebuilds rebuilds) {
		this.rebuilds = rebuilds;
	}

	/** The request: which projection to rebuild. */
	record RebuildRequest(String projection) {
	}

	@PostMapping
	ResponseEntity<RebuildView> start(@RequestBody(required = false) RebuildRequest request) {
		RebuildRun run = this.rebuilds.start((request != null) ? request.projection() : null);
		return ResponseEntity.accepted().location(URI.create("/api/reports/rebuild/" + run.id())).body(RebuildView.of(run));
	}

	@GetMapping("/{id}")
	RebuildView get(@PathVariable String id) {
		return RebuildView.of(this.rebuilds.get(id));
	}

	/** A rebuild as its caller follows it; {@code eventsPerSecond} is over the whole run so far. */
	record RebuildView(String id, String projection, List<String> projections, String state, long eventsApplied,
			long eventsTotal, int progress, Instant startedAt, Instant finishedAt, Long eventsPerSecond, long restarts,
			String error) {

		static RebuildView of(RebuildRun run) {
			Instant until = (run.finishedAt() != null) ? run.finishedAt() : run.heartbeatAt();
			long millis = (until != null && run.startedAt() != null) ? Duration.between(run.startedAt(), until).toMillis() : 0;
			return new RebuildView(run.id(), run.projection(), run.projections(), run.state(), run.eventsApplied(),
					run.eventsTotal(), run.progress(), run.startedAt(), run.finishedAt(),
					(millis > 0) ? run.eventsApplied() * 1000 / millis : null, run.restarts(), run.error());
		}

	}

}
