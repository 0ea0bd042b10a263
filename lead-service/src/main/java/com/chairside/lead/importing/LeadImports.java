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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import com.chairside.lead.lead.Duplicates;
import com.chairside.lead.lead.Lead;
import com.chairside.lead.lead.LeadDetails;
import com.chairside.lead.lead.MatchKeyClaim;
import com.chairside.lead.lead.Leads;
import com.chairside.lead.lead.MatchKeys;
import com.chairside.lead.lead.web.CaptureLeadRequest;
import com.chairside.lead.territory.Territories;
import com.chairside.lead.territory.Territory;
import com.chairside.platform.outbox.EventFactory;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.NotFoundException;

/**
 * Imports leads from CSV. The request body streams into GridFS (so a restart loses nothing and no memory holds the
 * file), the answer names the import at once, and a worker reads the stored file row by row in batches of
 * {@value #BATCH}: each batch reads the claims on its match keys with one query by {@code _id} (see {@link Duplicates};
 * rows of earlier batches hold theirs already, so duplicates within the file are caught too), claims the keys of its
 * new leads with one insert, inserts the leads, and writes its counters and problems before the next. The instance
 * working on an import holds a lease, renewed per batch; an import whose lease ran out (its instance stopped) is taken
 * over by any instance and resumes after the rows already counted.
 * <p>
 * An instance can die between storing a batch's leads and counting them. So that redoing that batch neither stores a
 * lead twice nor reports it as a duplicate of itself, every row's lead has an id derived from the import and the line
 * ({@link #leadIdOf}): the redone batch finds the leads already stored by those ids, and takes the claims its dead
 * attempt left as its own. The problems a dead attempt wrote past the counted rows are dropped before resuming.
 */
@Service
public class LeadImports {

	static final int BATCH = 500;

	/** The default of {@code chairside.imports.lease}: longer than the slowest batch, or two instances take turns. */
	static final Duration LEASE = Duration.ofMinutes(2);

	/** The problems shown with a finished import; the rest are paged through {@code /problems}. */
	public static final int PROBLEMS_SHOWN = 10_000;

	private static final Logger log = LoggerFactory.getLogger(LeadImports.class);

	private final String worker = UUID.randomUUID().toString();

	private final ExecutorService executor = Executors.newFixedThreadPool(2, (r) -> {
		Thread thread = new Thread(r, "lead-import");
		thread.setDaemon(true);
		return thread;
	});

	private final MongoTemplate mongo;

	private final GridFsTemplate files;

	private final Leads leads;

	private final Duplicates duplicates;

	private final Territories territories;

	private final Validator validator;

	private final EventFactory events;

	private final Clock clock;

	private final Duration lease;

	private long maxBytes = org.springframework.util.unit.DataSize.ofMegabytes(50).toBytes();

	private int maxConcurrentPerUser = 2;

	private long maxRows = 200_000;

	private long maxStoredProblems = PROBLEMS_SHOWN;

	/**
	 * What one import may take: its size, how many of its user's run at once, how many rows it reads (the rest is
	 * not imported, and the import says from which line) and how many problem lines it stores (all are counted).
	 */
	@org.springframework.beans.factory.annotation.Autowired
	void limits(@Value("${chairside.imports.max-size:50MB}") org.springframework.util.unit.DataSize maxSize,
			@Value("${chairside.imports.max-concurrent-per-user:2}") int maxConcurrentPerUser,
			@Value("${chairside.imports.max-rows:200000}") long maxRows,
			@Value("${chairside.imports.max-stored-problems:10000}") long maxStoredProblems) {
		this.maxBytes = maxSize.toBytes();
		this.maxConcurrentPerUser = maxConcurrentPerUser;
		this.maxRows = maxRows;
		this.maxStoredProblems = maxStoredProblems;
	}

	LeadImports(MongoTemplate mongo, MongoDatabaseFactory factory, Leads leads, Duplicates duplicates,
			Territories territories, Validator validator, EventFactory events, Clock clock,
			@Value("${chairside.imports.lease:PT2M}") Duration lease) {
		this.mongo = mongo;
		this.files = new GridFsTemplate(factory, mongo.getConverter(), "lead_import_files");
		this.leads = leads;
		this.duplicates = duplicates;
		this.territories = territories;
		this.validator = validator;
		this.events = events;
		this.clock = clock;
		this.lease = lease;
	}

	/**
	 * Stores the CSV as it streams in and starts working on it; answers the import's id. Refused before anything is
	 * stored: a user with {@code chairside.imports.max-concurrent-per-user} imports running already (429), a body that
	 * is not text or is too large ({@link ImportIntake}).
	 */
	public String start(InputStream body, long contentLength, CurrentUser user) throws IOException {
		ImportIntake.checkDeclared(contentLength, this.maxBytes);
		long running = this.mongo.count(Query.query(Criteria.where("importedBy").is(user.id())
			.and("status").is(LeadImport.RUNNING)), LeadImport.class);
		if (running >= this.maxConcurrentPerUser) {
			throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "You have " + running
					+ " imports running; start another when one has finished");
		}
		InputStream csv = ImportIntake.textWithin(body, this.maxBytes);
		String id = UUID.randomUUID().toString();
		ObjectId file;
		try {
			file = this.files.store(csv, "leads-" + id + ".csv", "text/csv");
		}
		catch (RuntimeException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof ImportIntake.TooLarge) {
					throw ImportIntake.tooLarge(this.maxBytes);
				}
			}
			throw ex;
		}
		Instant now = this.clock.instant();
		this.mongo.insert(new LeadImport(id, file.toHexString(), LeadImport.RUNNING, 0, 0, 0, 0, user.id(),
				user.roles(), user.region(), this.worker, now.plus(this.lease), now, null, null));
		this.executor.submit(() -> run(id));
		return id;
	}

	public LeadImport find(String id, CurrentUser user) {
		LeadImport found = this.mongo.findById(id, LeadImport.class);
		if (found == null || !(user.seesAllRegions() || user.id().equals(found.importedBy()))) {
			throw new NotFoundException("Import", id);
		}
		return found;
	}

	public List<ImportProblem> problems(String id, int skip, int limit) {
		Query query = Query.query(Criteria.where("importId").is(id))
			.with(Sort.by("line"))
			.skip(skip)
			.limit(limit);
		return this.mongo.find(query, ImportProblem.class);
	}

	/** Takes over imports whose instance stopped (lease ran out), one at a time. */
	@Scheduled(fixedDelayString = "${chairside.imports.sweep-interval:PT30S}")
	void resumeAbandoned() {
		Instant now = this.clock.instant();
		LeadImport taken = this.mongo.findAndModify(
				Query.query(Criteria.where("status").is(LeadImport.RUNNING).and("leaseUntil").lt(now)),
				new Update().set("worker", this.worker).set("leaseUntil", now.plus(this.lease)),
				FindAndModifyOptions.options().returnNew(true), LeadImport.class);
		if (taken != null) {
			log.info("Resuming import {} after row {}", taken.id(), taken.rowsRead());
			this.executor.submit(() -> run(taken.id()));
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
		LeadImport job = this.mongo.findById(id, LeadImport.class);
		if (job == null || !LeadImport.RUNNING.equals(job.status())) {
			return;
		}
		CurrentUser user = new CurrentUser(job.importedBy(), job.roles(), job.region(), null);
		Placer placer = new Placer(user);
		try (InputStream in = new BufferedInputStream(
				this.files.getResource(this.files.findOne(Query.query(Criteria.where("_id").is(new ObjectId(job.fileId())))))
					.getInputStream(), 64 * 1024)) {
			CsvReader csv = new CsvReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			List<String> header = csv.header();
			if (header == null) {
				finish(job, 0);
				return;
			}
			long rowsRead = job.rowsRead();
			for (long skipped = 0; skipped < rowsRead && csv.next() != null; skipped++) {
				// rows counted by an earlier attempt
			}
			forgetUncountedProblems(id, csv.line());
			List<Row> batch = new ArrayList<>(BATCH);
			List<String> row;
			Long stoppedAt = null;
			while ((row = csv.next()) != null) {
				if (rowsRead + batch.size() >= this.maxRows) {
					stoppedAt = (long) csv.line();
					break;
				}
				batch.add(new Row(csv.line(), row, csv.oversized()));
				if (batch.size() == BATCH) {
					if (!apply(id, rowsRead, header, batch, placer)) {
						return;
					}
					rowsRead += batch.size();
					batch.clear();
				}
			}
			if (!batch.isEmpty() && !apply(id, rowsRead, header, batch, placer)) {
				return;
			}
			if (stoppedAt != null) {
				log.info("Import {} stopped at line {}: more than {} rows", id, stoppedAt, this.maxRows);
				this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
						new Update().set("stoppedAtLine", stoppedAt), LeadImport.class);
			}
			finish(job, rowsRead + batch.size());
		}
	}

	/** Handles one batch; false when this instance no longer holds the import (another took it over). */
	private boolean apply(String id, long rowsRead, List<String> header, List<Row> batch, Placer placer) {
		Instant now = this.clock.instant();
		List<ImportProblem> problems = new ArrayList<>();
		Map<Row, LeadDetails> valid = new LinkedHashMap<>();
		for (Row row : batch) {
			try {
				LeadDetails details = check(header, row);
				valid.put(row, placer.region(details));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new ImportProblem(null, id, row.line(), ex.getMessage()));
			}
		}
		long rejected = problems.size();
		Map<String, Long> lineOfLead = new HashMap<>();
		valid.keySet().forEach((row) -> lineOfLead.put(leadIdOf(id, row.line()), row.line()));
		Set<String> stored = storedAlready(lineOfLead.keySet());
		Set<String> ours = new HashSet<>(lineOfLead.keySet());
		ours.removeAll(stored);
		Map<String, MatchKeyClaim> claims = this.duplicates.claims(valid.values().stream()
			.flatMap((details) -> Duplicates.keysOf(details.matchKeys()).stream())
			.toList());
		// claims a dead attempt at this batch left for leads it never stored are this batch's own, not duplicates
		Map<String, String> existing = new HashMap<>(this.duplicates.liveHolders(claims, ours));
		Map<String, Long> inBatch = new HashMap<>();
		Map<String, LeadDetails> fresh = new LinkedHashMap<>();
		Map<String, List<String>> keysByLead = new LinkedHashMap<>();
		long storedEarlier = 0;
		for (Map.Entry<Row, LeadDetails> entry : valid.entrySet()) {
			String leadId = leadIdOf(id, entry.getKey().line());
			if (stored.contains(leadId)) {
				Duplicates.keysOf(entry.getValue().matchKeys()).forEach((key) -> existing.putIfAbsent(key, leadId));
			}
		}
		for (Map.Entry<Row, LeadDetails> entry : valid.entrySet()) {
			long line = entry.getKey().line();
			String leadId = leadIdOf(id, line);
			List<String> keys = Duplicates.keysOf(entry.getValue().matchKeys());
			if (stored.contains(leadId)) {
				storedEarlier++; // by an attempt that died before counting this batch: created, once
			}
			else {
				Optional<String> clash = duplicateOf(entry.getValue().matchKeys(), existing, inBatch);
				if (clash.isPresent()) {
					problems.add(new ImportProblem(null, id, line, clash.get()));
					continue;
				}
				fresh.put(leadId, entry.getValue());
			}
			keysByLead.put(leadId, keys);
			keys.forEach((key) -> inBatch.put(key, line));
		}
		Duplicates.Claimed claimed = this.duplicates.claim(keysByLead, claims, ours);
		for (String leadId : List.copyOf(fresh.keySet())) {
			Map<String, String> lost = claimed.lost(leadId);
			if (!lost.isEmpty()) { // captured elsewhere since the claims were read
				String key = keysByLead.get(leadId).stream().filter(lost::containsKey).findFirst().orElseThrow();
				problems.add(new ImportProblem(null, id, lineOfLead.get(leadId),
						"duplicate of lead " + lost.get(key) + " (same " + Duplicates.describe(key) + ")"));
				fresh.remove(leadId);
				this.duplicates.release(leadId, claimed.taken(leadId));
			}
		}
		List<Lead> created = placer.capture(fresh, now);
		if (!created.isEmpty()) {
			this.leads.insert(created);
		}
		if (!problems.isEmpty()) {
			// every problem is counted; only the first maxStoredProblems of an import are kept as lines
			LeadImport counted = this.mongo.findById(id, LeadImport.class);
			long kept = (counted != null) ? Math.min(this.maxStoredProblems, counted.duplicates() + counted.rejected())
					: 0;
			long room = Math.max(0, this.maxStoredProblems - kept);
			if (room > 0) {
				this.mongo.insertAll(problems.subList(0, (int) Math.min(room, problems.size())));
			}
		}
		long duplicates = problems.size() - rejected;
		return this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(id).and("worker").is(this.worker).and("rowsRead").is(rowsRead)),
				new Update().inc("rowsRead", batch.size())
					.inc("created", created.size() + storedEarlier)
					.inc("duplicates", duplicates)
					.inc("rejected", rejected)
					.set("leaseUntil", now.plus(this.lease)),
				LeadImport.class).getModifiedCount() == 1;
	}

	/** Of the given lead ids, those already stored: by an attempt at this batch that died before counting it. */
	private Set<String> storedAlready(Set<String> leadIds) {
		if (leadIds.isEmpty()) {
			return Set.of();
		}
		Query query = Query.query(Criteria.where("_id").in(leadIds));
		query.fields().include("_id");
		return this.mongo.find(query, org.bson.Document.class, "leads")
			.stream()
			.map((lead) -> lead.getString("_id"))
			.collect(Collectors.toSet());
	}

	/** The id of the lead that a row of an import creates: the same on every attempt at the row. */
	static String leadIdOf(String importId, long line) {
		return UUID.nameUUIDFromBytes((importId + ":" + line).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/** Drops the problems an attempt that died wrote for rows after {@code countedLine}: they are found again. */
	private void forgetUncountedProblems(String id, long countedLine) {
		this.mongo.remove(Query.query(Criteria.where("importId").is(id).and("line").gt(countedLine)), ImportProblem.class);
	}

	private LeadDetails check(List<String> header, Row row) {
		if (row.oversized()) {
			throw new IllegalArgumentException("a field is longer than " + CsvReader.MAX_FIELD + " characters");
		}
		CaptureLeadRequest request = CsvRow.read(header, row.fields());
		List<String> violations = this.validator.validate(request)
			.stream()
			.map((ConstraintViolation<CaptureLeadRequest> v) -> v.getPropertyPath() + " " + v.getMessage())
			.sorted()
			.toList();
		if (!violations.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", violations));
		}
		LeadDetails details = request.toDetails();
		if (details.matchKeys().isEmpty()) {
			throw new IllegalArgumentException(
					"has no e-mail, phone or postal code to recognise it by (an import must not create it twice)");
		}
		return details;
	}

	private static Optional<String> duplicateOf(MatchKeys keys, Map<String, String> existing, Map<String, Long> inBatch) {
		for (String key : Duplicates.keysOf(keys)) {
			if (existing.containsKey(key)) {
				return Optional.of("duplicate of lead " + existing.get(key) + " (same " + Duplicates.describe(key) + ")");
			}
			if (inBatch.containsKey(key)) {
				return Optional.of("duplicate of line " + inBatch.get(key) + " (same " + Duplicates.describe(key) + ")");
			}
		}
		return Optional.empty();
	}

	private void finish(LeadImport job, long rowsRead) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(job.id()).and("worker").is(this.worker)),
				new Update().set("status", LeadImport.DONE).set("finishedAt", this.clock.instant()), LeadImport.class);
		this.files.delete(Query.query(Criteria.where("_id").is(new ObjectId(job.fileId()))));
		log.info("Import {} done: {} rows", job.id(), rowsRead);
	}

	private record Row(long line, List<String> fields, boolean oversized) {
	}

	/**
	 * Region and owner of imported rows, with the importer's rights: an account manager imports into their region
	 * and owns the leads; anyone else's rows take the region from the territory rules when not given and an owner
	 * from the region's account managers in turn (one counter step per region and batch).
	 */
	private final class Placer {

		private final CurrentUser user;

		private final boolean accountManager;

		private final Map<String, List<Territory>> rules = new HashMap<>();

		Placer(CurrentUser user) {
			this.user = user;
			this.accountManager = user.has(CurrentUser.ACCOUNT_MANAGER);
		}

		LeadDetails region(LeadDetails details) {
			String region = details.region();
			if (region == null && !this.accountManager) {
				List<Territory> country = this.rules.computeIfAbsent(details.country(), territories::rulesIn);
				region = Territories.regionFor(country, details.postalCode()).orElse(null);
			}
			if (region == null) {
				region = this.user.region();
			}
			if (region == null) {
				throw new IllegalArgumentException("region is not given and no territory rule matches its postal code");
			}
			if (!this.user.canSee(region)) {
				throw new IllegalArgumentException("region " + region + " is not yours to import into");
			}
			return new LeadDetails(details.practiceName(), details.kind(), details.specialty(), region,
					details.source(), details.conferenceName(), details.street(), details.postalCode(),
					details.city(), details.country(), details.email(), details.phone(), details.website(),
					details.productInterests(), details.estimatedValue(), details.expectedDecisionDate(),
					details.notes());
		}

		/** Captures each lead under its given id. */
		List<Lead> capture(Map<String, LeadDetails> batch, Instant now) {
			Map<String, List<String>> owners = new HashMap<>();
			if (!this.accountManager) {
				Map<String, Integer> perRegion = new HashMap<>();
				batch.values().forEach((d) -> perRegion.merge(d.region(), 1, Integer::sum));
				perRegion.forEach((region, count) -> owners.put(region,
						new ArrayList<>(territories.nextOwners(region, count))));
			}
			List<Lead> created = new ArrayList<>(batch.size());
			for (Map.Entry<String, LeadDetails> entry : batch.entrySet()) {
				LeadDetails details = entry.getValue();
				List<String> turn = owners.getOrDefault(details.region(), List.of());
				boolean automatic = !turn.isEmpty();
				String owner = automatic ? turn.remove(0) : this.user.id();
				Lead lead = Lead.capture(entry.getKey(), details, owner, automatic, this.user.id(), now);
				lead.stageEvents("lead", lead.id(), events);
				created.add(lead);
			}
			return created;
		}

	}

}
