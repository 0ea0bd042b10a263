package com.chairside.reporting.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.persistence.ConditionalWrites;
import com.chairside.platform.persistence.SequencedWrite;

/**
 * Applies events to projection documents only when the event's {@code ce_sequence} is newer than the one the document
 * holds, the condition checked here on documents read by id: a redelivered or older event changes nothing. The live
 * consumers apply one event at a time as a compare-and-set ({@link #apply}); a rebuild applies a batch to its own copy
 * ({@link #applyToOwnCopy}).
 */
@Component
public class Projector {

	private final MongoTemplate mongo;

	private final ConditionalWrites writes;

	private final NewDocuments newDocuments;

	Projector(MongoTemplate mongo, ConditionalWrites writes) {
		this.mongo = mongo;
		this.writes = writes;
		this.newDocuments = new NewDocuments(mongo.getConverter());
	}

	/**
	 * Applies one event with the sequence guard ({@link ConditionalWrites#ifNewer}): only when it is newer than the
	 * sequence the document holds, so a redelivered or older event changes nothing. A document not there yet is
	 * inserted as the update creates it, so that of two replicas applying at once one gets a duplicate key and decides
	 * again; an update that does more than {@link NewDocuments} turns into a document is upserted instead.
	 * @return true when the event was applied, false when it was not newer than what the projection holds
	 */
	public boolean apply(IncomingEvent event, ProjectionWrite write, Class<?> document, String collection) {
		Update update = stamped(write.update(), event);
		Document created = this.newDocuments.of(write.id(), update, document);
		SequencedWrite<?> guarded = this.writes.ifNewer(document, collection, write.id(), event.sequence());
		return ((created != null) ? guarded.orInsert(created) : guarded.orUpsert()).apply(update);
	}

	/**
	 * Applies a batch to a copy no one else writes (a rebuild's, until its switch-over ends): reads the sequences the
	 * batch's documents hold in one query by id, keeps each write only when its sequence is newer than the document's
	 * (counting the writes kept before it, so duplicates and late arrivals in the batch change nothing), folds each
	 * document's kept writes into one update where they fold, inserts the documents that do not exist yet in one
	 * unordered insert and writes the rest in unordered bulk upserts by id alone: one read per batch and no
	 * conditional filter per write.
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
