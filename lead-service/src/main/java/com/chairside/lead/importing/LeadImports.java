package com.chairside.lead.importing;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.NotFoundException;

/**
 * Imports leads from CSV. The request body streams into storage ({@link ImportFiles}), the answer names the import at
 * once, and {@link ImportWorker} works through the stored file in batches; the import's counters and problems say how
 * far it got.
 */
@Service
public class LeadImports {

	/** The problems shown with a finished import; the rest are paged through {@code /problems}. */
	public static final int PROBLEMS_SHOWN = 10_000;

	private final MongoTemplate mongo;

	private final ImportFiles files;

	private final ImportWorker worker;

	private final ImportLimits limits;

	private final Clock clock;

	LeadImports(MongoTemplate mongo, ImportFiles files, ImportWorker worker, ImportLimits limits, Clock clock) {
		this.mongo = mongo;
		this.files = files;
		this.worker = worker;
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * Stores the CSV as it streams in and starts working on it; answers the import's id. Refused before anything is
	 * stored: a user with {@code chairside.leads.imports.max-concurrent-per-user} imports running already (429), a body that
	 * is not text or is too large ({@link ImportIntake}).
	 */
	public String start(InputStream body, long contentLength, CurrentUser user) throws IOException {
		ImportIntake.checkDeclared(contentLength, this.limits.maxBytes());
		long running = this.mongo.count(Query.query(Criteria.where("importedBy").is(user.id())
			.and("status").is(LeadImport.RUNNING)), LeadImport.class);
		if (running >= this.limits.maxConcurrentPerUser()) {
			throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "You have " + running
					+ " imports running; start another when one has finished");
		}
		String id = UUID.randomUUID().toString();
		String file = store(ImportIntake.textWithin(body, this.limits.maxBytes()), id);
		this.mongo.insert(new LeadImport(id, file, LeadImport.RUNNING, 0, 0, 0, 0, user.id(), user.roles(),
				user.region(), this.worker.worker(), this.worker.leaseFromNow(), this.clock.instant(), null, null));
		this.worker.submit(id);
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

	/** A body found too large while it streams in is refused as such, not as a failed store. */
	private String store(InputStream csv, String id) {
		try {
			return this.files.store(csv, id);
		}
		catch (RuntimeException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof ImportIntake.TooLarge) {
					throw ImportIntake.tooLarge(this.limits.maxBytes());
				}
			}
			throw ex;
		}
	}

}
