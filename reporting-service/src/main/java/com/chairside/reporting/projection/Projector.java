package com.chairside.reporting.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.inbox.IncomingEvent;

/**
 * Applies events to projection documents only when the event's {@code ce_sequence} is newer than the one the document
 * holds, the condition checked here on documents read by id: a redelivered or older event changes nothing. The live
 * consumers apply one event at a time as a compare-and-set ({@link #apply}); a rebuild applies a batch to its own copy
 * ({@link #applyToOwnCopy}).
 */
@Component
public class Projector {

	private final MongoTemplate mongo;

	/** The index that answers {@link #apply}'s compare-and-set; no constraint beyond the _id's. */
	static final String ID_SEQUENCE = "id_sequence";

	private final NewDocuments newDocuments;

	private final Set<String> indexed = ConcurrentHashMap.newKeySet();

	Projector(MongoTemplate mongo) {
		this.mongo = mongo;
		this.newDocuments = new NewDocuments(mongo.getConverter());
	}

	/**
	 * Applies one event as a compare-and-set: reads the sequence the document holds by its id, compares here, and
	 * writes with a filter of exactly {@code {_id, sequence: <the one read>}}, answered from the unique index
	 * {@value #ID_SEQUENCE} (mongo-java-server uses an index only for a filter of exactly a unique index's fields: the
	 * former {@code {_id, sequence < n}} upsert scanned the whole collection for every event). A document not there
	 * yet is inserted, so that of two replicas applying at once one gets a duplicate key. A write that matches
	 * nothing or collides lost a race against another writer: it reads again and decides again, so a redelivered or
	 * older event still changes nothing.
	 * @return true when the event was applied, false when it was not newer than what the projection holds
	 */
	public boolean apply(IncomingEvent event, ProjectionWrite write, Class<?> document, String collection) {
		indexed(collection);
		Update update = stamped(write.update(), event);
		while (true) {
			Long held = heldSequences(collection, Set.of(write.id())).get(write.id());
			if (held != null && held >= event.sequence()) {
				return false;
			}
			try {
				if (held == null ? created(write.id(), event.sequence(), update, document, collection)
						: this.mongo.updateFirst(heldAt(write.id(), held), update, document, collection)
							.getMatchedCount() == 1) {
					return true;
				}
			}
			catch (DuplicateKeyException ex) {
				// another writer created the document first: decide again on what it holds
			}
		}
	}

	/**
	 * Inserts the document the update creates; an update that does more than {@link NewDocuments} turns into a
	 * document is upserted at the event's own sequence instead (same index; only the same event applied by two
	 * writers at this very moment could then apply twice).
	 */
	private boolean created(String id, long sequence, Update update, Class<?> document, String collection) {
		Document created = this.newDocuments.of(id, update, document);
		if (created != null) {
			this.mongo.insert(created, collection); // through the template: a collision is a DuplicateKeyException
		}
		else {
			this.mongo.upsert(heldAt(id, sequence), update, document, collection);
		}
		return true;
	}

	/** Creates the {@code {_id, sequence}} index on a collection the first time this process writes to it. */
	private void indexed(String collection) {
		if (this.indexed.add(collection)) {
			this.mongo.indexOps(collection)
				.createIndex(new Index().on("_id", Sort.Direction.ASC).on("sequence", Sort.Direction.ASC).unique()
					.named(ID_SEQUENCE));
		}
	}

	/**
	 * Applies a batch to a copy no one else writes (a rebuild's, until its switch-over ends): reads the sequences the
	 * batch's documents hold in one query by id, keeps each write only when its sequence is newer than the document's
	 * (counting the writes kept before it, so duplicates and late arrivals in the batch change nothing), folds each
	 * document's kept writes into one update where they fold, inserts the documents that do not exist yet in one
	 * unordered insert and writes the rest in unordered bulk upserts by id alone. mongo-java-server finds a document by
	 * an index only when the filter names exactly a unique index's fields: a conditional filter per write
	 * ({@code {_id, sequence < n}}) scanned the whole collection, which made a large rebuild quadratic.
	 * @return how many writes were applied (the rest were not newer)
	 */
	public long applyToOwnCopy(List<Sequenced> writes, Class<?> document, String collection) {
		Map<String, List<Sequenced>> byDocument = new LinkedHashMap<>();
		writes.forEach((w) -> byDocument.computeIfAbsent(w.write().id(), (id) -> new ArrayList<>()).add(w));
		Map<String, Long> held = heldSequences(collection, byDocument.keySet());
		Map<String, List<Update>> updates = new LinkedHashMap<>();
		List<Document> created = new ArrayList<>();
		long applied = 0;
		for (Map.Entry<String, List<Sequenced>> ofDocument : byDocument.entrySet()) {
			long newest = held.getOrDefault(ofDocument.getKey(), Long.MIN_VALUE);
			MergedUpdates merged = new MergedUpdates();
			for (Sequenced w : ofDocument.getValue()) {
				if (w.sequence() > newest) {
					newest = w.sequence();
					merged.add(stamped(w.write().update(), w.sequence(), w.eventId()));
				}
			}
			List<Update> kept = merged.updates();
			if (!kept.isEmpty()) {
				Document first = (held.containsKey(ofDocument.getKey()) || kept.size() > 1) ? null
						: this.newDocuments.of(ofDocument.getKey(), kept.get(0), document);
				if (first != null) {
					created.add(first);
				}
				else {
					updates.put(ofDocument.getKey(), kept);
				}
				applied += merged.count();
			}
		}
		if (!created.isEmpty()) {
			this.mongo.getCollection(collection).insertMany(created, new InsertManyOptions().ordered(false));
		}
		for (int round = 0; !updates.isEmpty(); round++) {
			BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, document, collection);
			for (var it = updates.entrySet().iterator(); it.hasNext();) {
				Map.Entry<String, List<Update>> ofDocument = it.next();
				bulk.upsert(Query.query(Criteria.where("_id").is(ofDocument.getKey())), ofDocument.getValue().get(round));
				if (ofDocument.getValue().size() == round + 1) {
					it.remove();
				}
			}
			bulk.execute();
		}
		return applied;
	}

	/**
	 * The sequence each existing document holds, by id; a document without one holds {@link Long#MAX_VALUE}: no event
	 * applies to it.
	 */
	private Map<String, Long> heldSequences(String collection, Set<String> ids) {
		Map<String, Long> held = new HashMap<>();
		for (Document found : this.mongo.getCollection(collection)
			.find(Filters.in("_id", ids.stream().map(NewDocuments::storedId).toList()))
			.projection(new Document("sequence", 1))) {
			held.put(String.valueOf(found.get("_id")),
					(found.get("sequence") instanceof Number n) ? n.longValue() : Long.MAX_VALUE);
		}
		return held;
	}

	private static Query heldAt(String id, long sequence) {
		return Query.query(Criteria.where("_id").is(id).and("sequence").is(sequence));
	}

	private static Update stamped(Update update, IncomingEvent event) {
		return stamped(update, event.sequence(), event.id());
	}

	private static Update stamped(Update update, long sequence, String eventId) {
		return update.set("sequence", sequence).set("lastEventId", eventId);
	}

	/** A write with the sequence and id of the event it came from. */
	public record Sequenced(ProjectionWrite write, long sequence, String eventId) {
	}

}
