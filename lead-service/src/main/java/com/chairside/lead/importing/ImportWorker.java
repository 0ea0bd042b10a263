package com.chairside.lead.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.validation.Validator;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.chairside.lead.lead.Duplicates;
import com.chairside.lead.lead.Leads;
import com.chairside.lead.territory.Territories;
import com.chairside.platform.outbox.EventFactory;
import com.chairside.platform.security.CurrentUser;

/**
 * Works on imports: reads an import's stored file row by row and hands the rows on in batches of {@value #BATCH}
 * ({@link ImportBatch}). The instance working on an import holds a lease, renewed by each batch it counts; an import
 * whose lease ran out (its instance stopped) is taken over by any instance and resumes after the rows already counted.
 * The problems a dead attempt wrote past the counted rows are dropped before resuming: they are found again.
 */
@Component
class ImportWorker {

	static final int BATCH = 500;

	/** The default of {@code chairside.leads.imports.lease}: longer than the slowest batch, or two instances take turns. */
	static final Duration LEASE = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);

	private final ExecutorService executor = Executors.newFixedThreadPool(2, (r) -> {
		Thread thread = new Thread(r, "lead-import");
		thread.setDaemon(true);
		return thread;
	});

	private final ImportFiles files;

	private final ImportBatch.Context batches;

	private final Territories territories;

	private final EventFactory events;

	private final Clock clock;

	private final Duration lease;

	ImportWorker(MongoTemplate mongo, ImportFiles files, Leads leads, Duplicates duplicates, Territories territories,
			Validator validator, EventFactory events, ImportLimits limits, Clock clock) {
		this.files = files;
		this.batches = new ImportBatch.Context(mongo, leads, duplicates, validator, limits,
				UUID.randomUUID().toString());
		this.territories = territories;
		this.events = events;
		this.clock = clock;
		this.lease = limits.lease();
	}

	/** The name this instance holds leases under. */
	String worker() {
		return this.batches.worker();
	}

	/** When a lease taken or renewed now runs out. */
	Instant leaseFromNow() {
		return this.clock.instant().plus(this.lease);
	}

	/** Starts working on an import whose lease this instance holds. */
	void submit(String id) {
		this.executor.submit(() -> run(id));
	}

	/** Takes over imports whose instance stopped (lease ran out), one at a time. */
	@Scheduled(fixedDelayString = "${chairside.leads.imports.sweep-interval:PT30S}")
	void resumeAbandoned() {
		Instant now = this.clock.instant();
		LeadImport taken = mongo().findAndModify(
				Query.query(Criteria.where("status").is(LeadImport.RUNNING).and("leaseUntil").lt(now)),
				new Update().set("worker", worker()).set("leaseUntil", now.plus(this.lease)),
				FindAndModifyOptions.options().returnNew(true), LeadImport.class);
		if (taken != null) {
			log.info("Resuming import {} after row {}", taken.id(), taken.rowsRead());
			submit(taken.id());
		}
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

	private void run(String id) {
		try {
			work(id);
		}
		catch (Exception ex) {
			log.warn("Import {} interrupted; another attempt resumes it when its lease runs out", id, ex);
		}
	}

	private void work(String id) throws IOException {
		LeadImport job = mongo().findById(id, LeadImport.class);
		if (job == null || !LeadImport.RUNNING.equals(job.status())) {
			return;
		}
		try (InputStream in = new BufferedInputStream(this.files.open(job.fileId()), 64 * 1024)) {
			CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			List<String> header = csv.header();
			Long rowsRead = (header != null) ? readRows(job, csv, header) : Long.valueOf(0);
			if (rowsRead != null) {
				finish(job, rowsRead);
			}
		}
	}

	/**
	 * Reads the rows not counted yet, a batch at a time, up to {@code chairside.leads.imports.max-rows}; answers the rows
	 * read in all, or {@code null} when another instance took the import over.
	 */
	private Long readRows(LeadImport job, CsvReader csv, List<String> header) throws IOException {
		long rowsRead = skipCounted(job, csv);
		ImportPlacer placer = new ImportPlacer(importer(job), this.territories, this.events);
		List<CsvLine> batch = new ArrayList<>(BATCH);
		List<String> row;
		Long stoppedAt = null;
		while ((row = csv.next()) != null) {
			if (rowsRead + batch.size() >= this.batches.limits().maxRows()) {
				stoppedAt = (long) csv.line();
				break;
			}
			batch.add(new CsvLine(csv.line(), row, csv.oversized()));
			if (batch.size() == BATCH) {
				if (!apply(job.id(), rowsRead, header, batch, placer)) {
					return null;
				}
				rowsRead += batch.size();
				batch.clear();
			}
		}
		if (!batch.isEmpty() && !apply(job.id(), rowsRead, header, batch, placer)) {
			return null;
		}
		if (stoppedAt != null) {
			stopAt(job.id(), stoppedAt);
		}
		return rowsRead + batch.size();
	}

	/** Skips the rows an earlier attempt counted and drops the problems it wrote past them; answers their number. */
	private long skipCounted(LeadImport job, CsvReader csv) throws IOException {
		long rowsRead = job.rowsRead();
		for (long skipped = 0; skipped < rowsRead && csv.next() != null; skipped++) {
			// rows counted by an earlier attempt
		}
		mongo().remove(Query.query(Criteria.where("importId").is(job.id()).and("line").gt(csv.line())),
				ImportProblem.class);
		return rowsRead;
	}

	private boolean apply(String id, long rowsRead, List<String> header, List<CsvLine> batch, ImportPlacer placer) {
		Instant now = this.clock.instant();
		return new ImportBatch(this.batches, id, rowsRead, header, batch, placer).apply(now, now.plus(this.lease));
	}

	private void stopAt(String id, long line) {
		log.info("Import {} stopped at line {}: more than {} rows", id, line, this.batches.limits().maxRows());
		mongo().updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("stoppedAtLine", line),
				LeadImport.class);
	}

	private void finish(LeadImport job, long rowsRead) {
		mongo().updateFirst(Query.query(Criteria.where("_id").is(job.id()).and("worker").is(worker())),
				new Update().set("status", LeadImport.DONE).set("finishedAt", this.clock.instant()), LeadImport.class);
		this.files.delete(job.fileId());
		log.info("Import {} done: {} rows", job.id(), rowsRead);
	}

	/** The importer's rights apply to every row, whichever instance works on it. */
	private static CurrentUser importer(LeadImport job) {
		return new CurrentUser(job.importedBy(), job.roles(), job.region(), null);
	}

	private MongoTemplate mongo() {
		return this.batches.mongo();
	}

}
