package com.chairside.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;

/**
 * The relay's view of the documents that carry an outbox: their pending events in order, and the sweep's lease on them
 * (until when, whose, and which round's). Every read that is not the sweep's goes by {@code _id} (see
 * {@link com.chairside.platform.persistence}) and returns those fields alone ({@link #OUTBOX_FIELDS}), not the rest of
 * the document (an order's lines and history).
 */
final class OutboxDocuments {

	static final String PENDING = "pendingEvents";

	static final String LEASE = "outboxLeaseUntil";

	static final String LEASE_OWNER = "outboxLeaseOwner";

	static final String LEASE_TOKEN = "outboxLeaseToken";

	/** What the relay reads of a document: its pending events and the sweep's lease ({@code _id} comes too). */
	static final Bson OUTBOX_FIELDS = Projections.include(PENDING, LEASE, LEASE_OWNER, LEASE_TOKEN);

	private final MongoDatabase database;

	OutboxDocuments(MongoDatabase database) {
		this.database = database;
	}

	MongoCollection<Document> of(OutboxSource source) {
		return this.database.getCollection(source.collection());
	}

	/**
	 * A partial index of the documents that have a pending event, which serves the sweep's filter on MongoDB: it holds
	 * the few documents whose events are not out yet, so the sweep reads those instead of the whole collection.
	 */
	void indexPending(OutboxSource source) {
		String first = PENDING + ".0";
		of(source).createIndex(Indexes.ascending(first), new IndexOptions().name("outbox_pending")
			.partialFilterExpression(Filters.exists(first)));
	}

	/** The outbox fields of documents by {@code _id} alone. */
	List<Document> byIds(OutboxSource source, List<Object> ids) {
		return of(source).find(Filters.in("_id", ids)).projection(OUTBOX_FIELDS).into(new ArrayList<>());
	}

	/** No sweep holds the document's lease (never leased, or the lease ran out). */
	static Bson leaseFree(Instant now) {
		return Filters.or(Filters.exists(LEASE, false), Filters.lt(LEASE, Date.from(now)));
	}

	/** The document's pending events, oldest first. */
	static List<PendingEvent> pendingEvents(Document document) {
		return document.getList(PENDING, Document.class, List.of()).stream().map(OutboxDocuments::toEvent).toList();
	}

	private static PendingEvent toEvent(Document d) {
		Date time = d.getDate("time");
		Number sequence = d.get("sequence", Number.class);
		return new PendingEvent(d.getString("eventId"), d.getString("type"), d.getString("subject"),
				sequence == null ? 0 : sequence.longValue(), time == null ? Instant.now() : time.toInstant(),
				d.getString("data"), d.getString("dataSchema"), d.getString("correlationId"),
				d.getString("causationId"), d.getString("traceparent"));
	}

}
