package com.chairside.lead.importing;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One import: the stored file, who imports (their rights apply to every row), the counters, updated per batch
 * together with {@code rowsRead} (the rows already handled, skipped when a restarted worker resumes), and the lease
 * of the instance working on it. {@code stoppedAtLine} is the first line not imported when the file had more rows
 * than one import may have ({@code chairside.leads.imports.max-rows}), else {@code null}.
 */
@Document("lead_imports")
@CompoundIndex(name = "importer_status", def = "{'importedBy': 1, 'status': 1}") // a person's running imports, counted at each start
@CompoundIndex(name = "status_lease", def = "{'status': 1, 'leaseUntil': 1}") // running imports whose worker's lease ran out
public record LeadImport(@Id String id, String fileId, String status, long rowsRead, long created, long duplicates,
		long rejected, String importedBy, Set<String> roles, String region, String worker, Instant leaseUntil,
		Instant startedAt, Instant finishedAt, Long stoppedAtLine) {

	public static final String RUNNING = "RUNNING";

	public static final String DONE = "DONE";

}
