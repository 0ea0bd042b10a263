package com.chairside.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import static com.chairside.platform.outbox.OutboxDocuments.LEASE;
import static com.chairside.platform.outbox.OutboxDocuments.LEASE_OWNER;
import static com.chairside.platform.outbox.OutboxDocuments.LEASE_TOKEN;
import static com.chairside.platform.outbox.OutboxDocuments.PENDING;

/**
 * The relay's safety net: documents whose first pending event is older than {@code sweep-grace} (staged elsewhere, a
 * lost wake-up, a failed send). Finding them reads the partial index of documents with pending events
 * ({@link OutboxDocuments#indexPending}; the embedded store reads the whole collection), and it runs seldom; it
 * leases a batch with one conditional write, then keeps the documents that write gave to this relay (owner and round
 * token), so that replicas mostly share the work. A relay that dies mid-way leaves its lease to expire: the next one publishes the remaining events again, a
 * duplicate, never a loss.
 */
final class OutboxSweep {

	private final OutboxDocuments documents;

	private final OutboxProperties properties;

	private final Clock clock;

	private final String owner;

	OutboxSweep(OutboxDocuments documents, OutboxProperties properties, Clock clock, String owner) {
		this.documents = documents;
		this.properties = properties;
		this.clock = clock;
		this.owner = owner;
	}

	/** Up to a batch of documents of {@code source} that wait longer than the grace and that no sweep holds. */
	List<Object> candidates(OutboxSource source) {
		Instant now = this.clock.instant();
		Bson old = Filters.or(Filters.lt(PENDING + ".0.time", Date.from(now.minus(this.properties.sweepGrace()))),
				Filters.exists(PENDING + ".0.time", false));
		List<Object> ids = new ArrayList<>();
		this.documents.of(source)
			.find(Filters.and(Filters.exists(PENDING + ".0"), old, OutboxDocuments.leaseFree(now)))
			.projection(new Document("_id", 1))
			.limit(this.properties.batchSize())
			.forEach((d) -> ids.add(d.get("_id")));
		return ids;
	}

	/**
	 * Leases {@code ids} that are free in one write (one scan of the collection, whatever the batch size), then reads
	 * them by {@code _id} and keeps those that this write gave to this relay.
	 */
	List<Document> lease(OutboxSource source, List<Object> ids) {
		Instant now = this.clock.instant();
		String token = UUID.randomUUID().toString();
		this.documents.of(source)
			.updateMany(Filters.and(Filters.in("_id", ids), OutboxDocuments.leaseFree(now)),
					Updates.combine(Updates.set(LEASE, Date.from(now.plus(this.properties.lease()))),
							Updates.set(LEASE_OWNER, this.owner), Updates.set(LEASE_TOKEN, token)));
		return this.documents.byIds(source, ids)
			.stream()
			.filter((d) -> this.owner.equals(d.getString(LEASE_OWNER)) && token.equals(d.getString(LEASE_TOKEN)))
			.toList();
	}

	/** Leaves a document that another relay's sweep holds to that relay: it is on it already. */
	List<Document> unleasedByOthers(List<Document> found) {
		Date now = Date.from(this.clock.instant());
		return found.stream().filter((d) -> {
			Date until = d.getDate(LEASE);
			return until == null || until.before(now) || this.owner.equals(d.getString(LEASE_OWNER));
		}).toList();
	}

}
