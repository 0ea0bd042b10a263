package com.chairside.platform.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The service's audit collection, append-only by construction: this class inserts and reads, and nothing in the
 * suite updates or deletes an entry.
 */
public class AuditTrail {

	static final String COLLECTION = "audit";

	private final MongoTemplate mongo;

	public AuditTrail(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void createIndexes() {
		this.mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.DESC));
		this.mongo.indexOps(COLLECTION).createIndex(new Index().on("subject", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
	}

	public void append(AuditRecord entry) {
		this.mongo.insert(entry, COLLECTION);
	}

	/** Newest first; each filter given must hold. */
	public Found find(Filter filter, int page, int size) {
		List<Criteria> criteria = new ArrayList<>();
		if (filter.subject() != null) {
			criteria.add(Criteria.where("subject").is(filter.subject()));
		}
		if (filter.outcome() != null) {
			criteria.add(Criteria.where("outcome").is(filter.outcome().name()));
		}
		if (filter.from() != null) {
			criteria.add(Criteria.where("at").gte(filter.from()));
		}
		if (filter.to() != null) {
			criteria.add(Criteria.where("at").lt(filter.to()));
		}
		Query query = criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
		long total = this.mongo.count(query, AuditRecord.class, COLLECTION);
		List<AuditRecord> items = this.mongo.find(
				query.with(Sort.by(Sort.Direction.DESC, "at")).skip((long) page * size).limit(size), AuditRecord.class,
				COLLECTION);
		return new Found(items, total);
	}

	/** What an admin asks for: one subject, one outcome, a time window ({@code from} inclusive, {@code to} not). */
	public record Filter(String subject, AuditRecord.Outcome outcome, Instant from, Instant to) {
	}

	public record Found(List<AuditRecord> items, long total) {
	}

}
