package com.chairside.platform.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's audit trail for admins, newest first:
 * {@code GET /api/audit?subject=am.1&outcome=DENIED&from=2026-11-01T00:00:00Z&to=...&page=0&size=100}. The same
 * answer at the gateway's path, {@code /api/audit/<service>}, which the gateway forwards unchanged and which is the one
 * documented (see {@link AuditAutoConfiguration}).
 */
@RestController
public class AuditController {

	static final String PATH = "/api/audit";

	private final AuditTrail trail;

	public AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping({ PATH, PATH + "/${spring.application.name}" })
	public Map<String, Object> list(@RequestParam(required = false) String subject,
			@RequestParam(required = false) AuditRecord.Outcome outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
		AuditTrail.Found found = this.trail.find(new AuditTrail.Filter(subject, outcome, from, to), page, size);
		List<AuditEntry> items = found.items().stream().map(AuditEntry::of).toList();
		return Map.of("items", items, "page", page, "size", size, "total", found.total());
	}

	/** One entry as an admin reads it. */
	public record AuditEntry(String id, Instant at, String subject, List<String> roles, String method, String path,
			String recordId, int status, AuditRecord.Outcome outcome, String traceId) {

		static AuditEntry of(AuditRecord entry) {
			return new AuditEntry(entry.id(), entry.at(), entry.subject(), entry.roles(), entry.method(), entry.path(),
					entry.recordId(), entry.status(), entry.outcome(), entry.traceId());
		}

	}

}
