package com.chairside.lead.importing;

import java.nio.charset.StandardCharsets;
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
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.chairside.lead.lead.Duplicates;
import com.chairside.lead.lead.Lead;
import com.chairside.lead.lead.LeadDetails;
import com.chairside.lead.lead.Leads;
import com.chairside.lead.lead.MatchKeyClaim;
import com.chairside.lead.lead.MatchKeys;
import com.chairside.lead.lead.NewLead;

/**
 * One batch of an import's rows, handled as one step: each row is read as a {@link NewLead} and checked; the claims on
 * the batch's match keys are read with one query (rows of earlier batches hold theirs already, so duplicates within
 * the file are caught too); the keys of its new leads are claimed with one insert; the leads are inserted; and the
 * import's counters and problems are written, on the condition that this instance still holds the import and no
 * other attempt counted the batch.
 * <p>
 * An instance can die between storing a batch's leads and counting them. So that redoing that batch neither stores a
 * lead twice nor reports it as a duplicate of itself, every row's lead has an id derived from the import and the line
 * ({@link #leadIdOf}): the redone batch finds the leads already stored by those ids, and takes the claims its dead
 * attempt left as its own.
 */
final class ImportBatch {

	/** What every batch of an import run shares: the stores, the rules and who holds the import. */
	record Context(MongoTemplate mongo, Leads leads, Duplicates duplicates, Validator validator, ImportLimits limits,
			String worker) {
	}

	private final Context context;

	private final String importId;

	private final long rowsRead;

	private final List<String> header;

	private final List<CsvLine> rows;

	private final ImportPlacer placer;

	private final List<ImportProblem> problems = new ArrayList<>();

	private final Map<CsvLine, LeadDetails> valid = new LinkedHashMap<>();

	/** The batch's leads by id that an earlier attempt at it stored already. */
	private Set<String> storedEarlier = Set.of();

	ImportBatch(Context context, String importId, long rowsRead, List<String> header, List<CsvLine> rows,
			ImportPlacer placer) {
		this.context = context;
		this.importId = importId;
		this.rowsRead = rowsRead;
		this.header = header;
		this.rows = rows;
		this.placer = placer;
	}

	/** The id of the lead that a row of an import creates: the same on every attempt at the row. */
	static String leadIdOf(String importId, long line) {
		return UUID.nameUUIDFromBytes((importId + ":" + line).getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * Handles the batch; false when this instance no longer holds the import (another took it over), in which case
	 * nothing is counted.
	 */
	boolean apply(Instant now, Instant leaseUntil) {
		checkRows();
		long rejected = this.problems.size();
		Map<String, Long> lineOfLead = new HashMap<>();
		this.valid.keySet().forEach((row) -> lineOfLead.put(leadIdOf(this.importId, row.line()), row.line()));
		this.storedEarlier = storedAlready(lineOfLead.keySet());
		Set<String> ours = new HashSet<>(lineOfLead.keySet());
		ours.removeAll(this.storedEarlier);
		Map<String, LeadDetails> fresh = new LinkedHashMap<>();
		Map<String, List<String>> keysByLead = new LinkedHashMap<>();
		Map<String, MatchKeyClaim> claims = readClaims();
		separateDuplicates(claims, ours, fresh, keysByLead);
		dropLostClaims(this.context.duplicates().claim(keysByLead, claims, ours), fresh, keysByLead, lineOfLead);
		List<Lead> created = this.placer.capture(fresh, now);
		if (!created.isEmpty()) {
			this.context.leads().insert(created);
		}
		storeProblems();
		return count(created.size() + countStoredEarlier(), this.problems.size() - rejected, rejected, leaseUntil);
	}

	/** Reads each row as a new lead in its region; the rows that cannot be one become problems. */
	private void checkRows() {
		for (CsvLine row : this.rows) {
			try {
				this.valid.put(row, this.placer.region(check(row)));
			}
			catch (IllegalArgumentException ex) {
				this.problems.add(new ImportProblem(null, this.importId, row.line(), ex.getMessage()));
			}
		}
	}

	private LeadDetails check(CsvLine row) {
		if (row.oversized()) {
			throw new IllegalArgumentException("a field is longer than " + CsvReader.MAX_FIELD + " characters");
		}
		NewLead lead = CsvRow.read(this.header, row.fields());
		List<String> violations = this.context.validator().validate(lead)
			.stream()
			.map((ConstraintViolation<NewLead> v) -> v.getPropertyPath() + " " + v.getMessage())
			.sorted()
			.toList();
		if (!violations.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", violations));
		}
		LeadDetails details = lead.toDetails();
		if (details.matchKeys().isEmpty()) {
			throw new IllegalArgumentException(
					"has no e-mail, phone or postal code to recognise it by (an import must not create it twice)");
		}
		return details;
	}

	private Map<String, MatchKeyClaim> readClaims() {
		return this.context.duplicates().claims(this.valid.values().stream()
			.flatMap((details) -> Duplicates.keysOf(details.matchKeys()).stream())
			.toList());
	}

	/**
	 * Sorts the valid rows into new leads ({@code fresh}) and duplicates (problems) of a stored lead or of an earlier
	 * row of the batch; every row that keeps a lead, new or stored earlier, gets its keys in {@code keysByLead}.
	 */
	private void separateDuplicates(Map<String, MatchKeyClaim> claims, Set<String> ours, Map<String, LeadDetails> fresh,
			Map<String, List<String>> keysByLead) {
		// claims a dead attempt at this batch left for leads it never stored are this batch's own, not duplicates
		Map<String, String> existing = new HashMap<>(this.context.duplicates().liveHolders(claims, ours));
		this.valid.forEach((row, details) -> {
			String leadId = leadIdOf(this.importId, row.line());
			if (this.storedEarlier.contains(leadId)) {
				Duplicates.keysOf(details.matchKeys()).forEach((key) -> existing.putIfAbsent(key, leadId));
			}
		});
		Map<String, Long> inBatch = new HashMap<>();
		this.valid.forEach((row, details) -> {
			String leadId = leadIdOf(this.importId, row.line());
			if (!this.storedEarlier.contains(leadId)) {
				Optional<String> clash = duplicateOf(details.matchKeys(), existing, inBatch);
				if (clash.isPresent()) {
					this.problems.add(new ImportProblem(null, this.importId, row.line(), clash.get()));
					return;
				}
				fresh.put(leadId, details);
			}
			List<String> keys = Duplicates.keysOf(details.matchKeys());
			keysByLead.put(leadId, keys);
			keys.forEach((key) -> inBatch.put(key, row.line()));
		});
	}

	/** New leads whose keys were captured elsewhere since the claims were read become duplicates after all. */
	private void dropLostClaims(Duplicates.Claimed claimed, Map<String, LeadDetails> fresh,
			Map<String, List<String>> keysByLead, Map<String, Long> lineOfLead) {
		for (String leadId : List.copyOf(fresh.keySet())) {
			Map<String, String> lost = claimed.lost(leadId);
			if (!lost.isEmpty()) {
				String key = keysByLead.get(leadId).stream().filter(lost::containsKey).findFirst().orElseThrow();
				this.problems.add(new ImportProblem(null, this.importId, lineOfLead.get(leadId),
						"duplicate of lead " + lost.get(key) + " (same " + Duplicates.describe(key) + ")"));
				fresh.remove(leadId);
				this.context.duplicates().release(leadId, claimed.taken(leadId));
			}
		}
	}

	/** Valid rows whose lead an attempt that died before counting this batch stored: created, once. */
	private long countStoredEarlier() {
		return this.valid.keySet()
			.stream()
			.filter((row) -> this.storedEarlier.contains(leadIdOf(this.importId, row.line())))
			.count();
	}

	/** Every problem is counted; only the first {@code maxStoredProblems} of an import are kept as lines. */
	private void storeProblems() {
		if (this.problems.isEmpty()) {
			return;
		}
		long maxStored = this.context.limits().maxStoredProblems();
		LeadImport counted = this.context.mongo().findById(this.importId, LeadImport.class);
		long kept = (counted != null) ? Math.min(maxStored, counted.duplicates() + counted.rejected()) : 0;
		long room = Math.max(0, maxStored - kept);
		if (room > 0) {
			this.context.mongo().insertAll(this.problems.subList(0, (int) Math.min(room, this.problems.size())));
		}
	}

	/** Counts the batch and renews the lease, if this instance still holds the import and nobody counted it yet. */
	private boolean count(long created, long duplicates, long rejected, Instant leaseUntil) {
		Query unchanged = Query.query(Criteria.where("_id").is(this.importId)
			.and("worker").is(this.context.worker())
			.and("rowsRead").is(this.rowsRead));
		Update counters = new Update().inc("rowsRead", this.rows.size())
			.inc("created", created)
			.inc("duplicates", duplicates)
			.inc("rejected", rejected)
			.set("leaseUntil", leaseUntil);
		return this.context.mongo().updateFirst(unchanged, counters, LeadImport.class).getModifiedCount() == 1;
	}

	/** Of the given lead ids, those already stored: by an attempt at this batch that died before counting it. */
	private Set<String> storedAlready(Set<String> leadIds) {
		if (leadIds.isEmpty()) {
			return Set.of();
		}
		Query query = Query.query(Criteria.where("_id").in(leadIds));
		query.fields().include("_id");
		return this.context.mongo().find(query, Document.class, "leads")
			.stream()
			.map((lead) -> lead.getString("_id"))
			.collect(Collectors.toSet());
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

}
