package com.chairside.lead.importing.web;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.chairside.lead.importing.ImportProblem;
import com.chairside.lead.importing.LeadImport;
import com.chairside.lead.importing.LeadImports;
import com.chairside.platform.security.CurrentUser;

/** {@code POST /api/leads/imports} (text/csv, streamed) and its progress and report. */
@RestController
@RequestMapping("/api/leads/imports")
class ImportController {

	private final LeadImports imports;

	ImportController(LeadImports imports) {
		this.imports = imports;
	}

	/** Reads the body as a stream (never whole) into the store; answers 202 with the import's id. */
	@PostMapping(consumes = { "text/csv", "application/csv", "text/plain" })
	ResponseEntity<Map<String, String>> start(HttpServletRequest request) throws IOException {
		String id = this.imports.start(request.getInputStream(), request.getContentLengthLong(), CurrentUser.get());
		return ResponseEntity.accepted().location(URI.create("/api/leads/imports/" + id)).body(Map.of("id", id));
	}

	@GetMapping("/{id}")
	ImportView progress(@PathVariable String id) {
		LeadImport found = this.imports.find(id, CurrentUser.get());
		boolean done = LeadImport.DONE.equals(found.status());
		List<ProblemView> problems = done ? views(this.imports.problems(id, 0, LeadImports.PROBLEMS_SHOWN)) : List.of();
		return new ImportView(found.id(), found.status(), found.rowsRead(), found.created(), found.duplicates(),
				found.rejected(), problems, done ? found.duplicates() + found.rejected() : null, found.startedAt(),
				found.finishedAt(), found.stoppedAtLine());
	}

	/** Every problem of an import, a page at a time, by line. */
	@GetMapping("/{id}/problems")
	List<ProblemView> problems(@PathVariable String id, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "1000") @Min(1) @Max(10000) int size) {
		this.imports.find(id, CurrentUser.get());
		return views(this.imports.problems(id, page * size, size));
	}

	private static List<ProblemView> views(List<ImportProblem> problems) {
		return problems.stream().map((p) -> new ProblemView(p.line(), p.reason())).toList();
	}

	record ImportView(String id, String status, long rowsRead, long created, long duplicates, long rejected,
			List<ProblemView> problems, Long problemsTotal, Instant startedAt, Instant finishedAt, Long stoppedAtLine) {
	}

	record ProblemView(long line, String reason) {
	}

}
