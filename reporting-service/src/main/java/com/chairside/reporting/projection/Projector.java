package com.chairside.reporting.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
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
 * consumers apply a poll at a time, each document's update a compare-and-set on the sequence read, or on the one this
 * process last read or wrote there when every write is newer than that ({@link #applyLive}: a poll of events newer
 * than what this process last wrote costs one bulk write and no read), and one event at a time where another writer
 * came between ({@link #apply}); a rebuild applies a batch to its own copy ({@link #applyToOwnCopy}).
 */
@Component
public class Projector {

	private static final int DUPLICATE_KEY = 11000;

	private final MongoTemplate mongo;

	private final ConditionalWrites writes;

	private final NewDocuments newDocuments;

	private final RememberedSequences remembered = new RememberedSequences();

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
		return apply(new Sequenced(write, event.sequence(), event.id()), document, collection);
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
		return applyToOwnCopy(prepareOwnCopy(writes, document), collection, WrittenIds.unknown());
	}

	/**
	 * The part of {@link #applyToOwnCopy} that needs no store, done ahead (while the batch before is written): the
	 * batch's writes by document, each document's folded and turned into the document an insert creates as if the copy
	 * did not hold it yet, which it mostly does not.
	 */
	public OwnCopyBatch prepareOwnCopy(List<Sequenced> writes, Class<?> document) {
		Map<String, List<Sequenced>> byDocument = byDocument(writes);
		Map<String, Folded> folded = new HashMap<>();
		Map<String, Document> created = new HashMap<>();
		for (Map.Entry<String, List<Sequenced>> ofDocument : byDocument.entrySet()) {
			Folded kept = fold(ofDocument.getValue(), null);
			if (kept != null) {
				folded.put(ofDocument.getKey(), kept);
				Document first = (kept.updates().size() > 1) ? null
						: this.newDocuments.of(ofDocument.getKey(), kept.updates().get(0), document);
				if (first != null) {
					created.put(ofDocument.getKey(), first);
				}
			}
		}
		return new OwnCopyBatch(document, byDocument, folded, created);
	}

	/**
	 * Applies a prepared batch as {@link #applyToOwnCopy} does: a document the copy holds already has its writes kept
	 * and folded again against the sequence it holds. The held sequences are read only for the documents
	 * {@code written} may hold: of the others the copy certainly holds none.
	 * @return how many writes were applied (the rest were not newer)
	 */
	public long applyToOwnCopy(OwnCopyBatch batch, String collection, WrittenIds written) {
		Set<String> mayBeHeld = new LinkedHashSet<>();
		for (String id : batch.byDocument.keySet()) {
			if (written.mayHold(collection, id)) {
				mayBeHeld.add(id);
			}
			written.add(collection, id);
		}
		Map<String, Long> held = mayBeHeld.isEmpty() ? Map.of() : heldSequences(collection, mayBeHeld);
		Map<String, List<Update>> updates = new LinkedHashMap<>();
		List<Document> created = new ArrayList<>();
		long applied = 0;
		for (Map.Entry<String, List<Sequenced>> ofDocument : batch.byDocument.entrySet()) {
			String id = ofDocument.getKey();
			Long was = held.get(id);
			Folded kept = (was == null) ? batch.folded.get(id) : fold(ofDocument.getValue(), was);
			if (kept == null) {
				continue;
			}
			Document first = (was == null) ? batch.created.get(id) : null;
			if (first != null) {
				created.add(first);
			}
			else {
				updates.put(id, kept.updates());
			}
			applied += kept.count();
		}
		if (!created.isEmpty()) {
			this.mongo.getCollection(collection).insertMany(created, new InsertManyOptions().ordered(false));
		}
		for (int round = 0; !updates.isEmpty(); round++) {
			BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, batch.document, collection);
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
	 * Applies a live consumer's poll to the copy a projection answers from, which another replica may write at the
	 * same time (a rebalance hands a partition over while its first consumer still works through it): the held
	 * sequences read and the writes kept and folded as {@link #applyToOwnCopy} does (but a document whose every write
	 * is newer than the sequence this process last read or wrote there, {@link RememberedSequences}, is not read: that
	 * sequence is expected instead), the documents not there yet inserted in one unordered insert and the rest written
	 * in one unordered bulk write (a round per update that does not fold), each update conditional on the sequence read
	 * or expected ({@code {_id, sequence}}, the compare-and-set of {@link #apply}). A document another writer changed
	 * in between, or since this process last wrote it, matches nothing or collides; its writes are then applied again
	 * one at a time with the guard of {@link #apply}, so the outcome is the one event-by-event writes leave: a
	 * redelivered or older event changes nothing, in the poll or across polls.
	 * @return how many writes were applied (the rest were not newer)
	 */
	public long applyLive(List<Sequenced> writes, Class<?> document, String collection) {
		this.writes.prepare(collection, ConditionalWrites.SEQUENCE);
		Map<String, Folded> folded = fold(writes, collection, true);
		Set<String> lost = new LinkedHashSet<>();
		List<String> createdIds = new ArrayList<>();
		List<Document> created = new ArrayList<>();
		for (Map.Entry<String, Folded> ofDocument : folded.entrySet()) {
			Document first = (ofDocument.getValue().held() != null) ? null
					: this.newDocuments.of(ofDocument.getKey(), ofDocument.getValue().updates().get(0), document);
			if (first != null) {
				created.add(first);
				createdIds.add(ofDocument.getKey());
			}
		}
		if (!created.isEmpty()) {
			try {
				this.mongo.getCollection(collection).insertMany(created, new InsertManyOptions().ordered(false));
			}
			catch (MongoBulkWriteException ex) {
				lost.addAll(collided(ex.getWriteErrors(), createdIds, ex));
			}
		}
		Set<String> inserted = new HashSet<>(createdIds);
		Set<String> unsure = new LinkedHashSet<>();
		for (int round = 0;; round++) {
			BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, document, collection);
			List<String> ids = new ArrayList<>();
			for (Map.Entry<String, Folded> ofDocument : folded.entrySet()) {
				String id = ofDocument.getKey();
				Folded kept = ofDocument.getValue();
				if (round >= kept.updates().size() || lost.contains(id) || (round == 0 && inserted.contains(id))) {
					continue;
				}
				Update update = kept.updates().get(round);
				if (round == 0 && kept.held() == null) {
					bulk.upsert(guard(id, sequenceOf(update)), update);
				}
				else {
					bulk.updateOne(guard(id, (round == 0) ? kept.held() : sequenceOf(kept.updates().get(round - 1))), update);
				}
				ids.add(id);
			}
			if (ids.isEmpty()) {
				break;
			}
			try {
				BulkWriteResult result = bulk.execute();
				if (result.getMatchedCount() + result.getUpserts().size() < ids.size()) {
					unsure.addAll(ids);
				}
			}
			catch (BulkOperationException ex) {
				lost.addAll(collided(ex.getErrors(), ids, ex));
				unsure.addAll(ids);
			}
			catch (DuplicateKeyException ex) {
				unsure.addAll(ids); // an upsert met a document another writer created: the check below redoes it
			}
		}
		if (!unsure.isEmpty()) {
			Map<String, Long> held = heldSequences(collection, unsure);
			unsure.stream()
				.filter((id) -> !Long.valueOf(folded.get(id).sequence()).equals(held.get(id)))
				.forEach(lost::add);
		}
		long applied = 0;
		for (Map.Entry<String, Folded> ofDocument : folded.entrySet()) {
			if (lost.contains(ofDocument.getKey())) {
				this.remembered.forget(collection, ofDocument.getKey());
			}
			else {
				applied += ofDocument.getValue().count();
				this.remembered.remember(collection, ofDocument.getKey(), ofDocument.getValue().sequence());
			}
		}
		for (Sequenced w : writes) {
			if (lost.contains(w.write().id()) && apply(w, document, collection)) {
				applied++;
			}
		}
		return applied;
	}

	/** The documents whose writes collided with another writer's (a duplicate key); any other failure is thrown. */
	private static List<String> collided(List<BulkWriteError> errors, List<String> ids, RuntimeException ex) {
		List<String> collided = new ArrayList<>();
		for (BulkWriteError error : errors) {
			if (error.getCode() != DUPLICATE_KEY) {
				throw ex;
			}
			collided.add(ids.get(error.getIndex()));
		}
		return collided;
	}

	private boolean apply(Sequenced write, Class<?> document, String collection) {
		Update update = stamped(write.write().update(), write.sequence(), write.eventId());
		Document created = this.newDocuments.of(write.write().id(), update, document);
		SequencedWrite<?> guarded = this.writes.ifNewer(document, collection, write.write().id(), write.sequence());
		return ((created != null) ? guarded.orInsert(created) : guarded.orUpsert()).apply(update);
	}

	private static Query guard(String id, long sequence) {
		return Query.query(Criteria.where("_id").is(id).and(ConditionalWrites.SEQUENCE).is(sequence));
	}

	/** The sequence a stamped (and folded) update sets. */
	private static long sequenceOf(Update update) {
		return ((Number) ((Document) update.getUpdateObject().get("$set")).get(ConditionalWrites.SEQUENCE)).longValue();
	}

	/**
	 * Per document, the writes newer than the sequence it holds, read in one query by id, each kept only when newer
	 * than the writes kept before it too, folded ({@link MergedUpdates}). On the live path a document whose every
	 * write is newer than the sequence {@link RememberedSequences} has for it is not read: that sequence is taken as
	 * held, only to be the expectation of its compare-and-set, and the query (and with it the poll's only read) is
	 * left out when no document needs it.
	 */
	private Map<String, Folded> fold(List<Sequenced> writes, String collection, boolean live) {
		Map<String, List<Sequenced>> byDocument = byDocument(writes);
		Map<String, Long> held = new HashMap<>();
		Set<String> unknown = new LinkedHashSet<>();
		for (Map.Entry<String, List<Sequenced>> ofDocument : byDocument.entrySet()) {
			Long last = live ? this.remembered.of(collection, ofDocument.getKey()) : null;
			if (last != null && ofDocument.getValue().stream().allMatch((w) -> w.sequence() > last)) {
				held.put(ofDocument.getKey(), last);
			}
			else {
				unknown.add(ofDocument.getKey());
			}
		}
		if (!unknown.isEmpty()) {
			Map<String, Long> read = heldSequences(collection, unknown);
			held.putAll(read);
			if (live) {
				read.forEach((id, sequence) -> this.remembered.remember(collection, id, sequence));
			}
		}
		Map<String, Folded> folded = new LinkedHashMap<>();
		for (Map.Entry<String, List<Sequenced>> ofDocument : byDocument.entrySet()) {
			Folded kept = fold(ofDocument.getValue(), held.get(ofDocument.getKey()));
			if (kept != null) {
				folded.put(ofDocument.getKey(), kept);
			}
		}
		return folded;
	}

	private static Map<String, List<Sequenced>> byDocument(List<Sequenced> writes) {
		Map<String, List<Sequenced>> byDocument = new LinkedHashMap<>();
		writes.forEach((w) -> byDocument.computeIfAbsent(w.write().id(), (id) -> new ArrayList<>()).add(w));
		return byDocument;
	}

	/**
	 * One document's writes newer than the sequence it holds ({@code was}, null: none), each kept only when newer than
	 * those kept before it too, folded; null when none is kept.
	 */
	private static Folded fold(List<Sequenced> ofDocument, Long was) {
		long newest = (was != null) ? was : Long.MIN_VALUE;
		MergedUpdates merged = new MergedUpdates();
		for (Sequenced w : ofDocument) {
			if (w.sequence() > newest) {
				newest = w.sequence();
				merged.add(stamped(w.write().update(), w.sequence(), w.eventId()));
			}
		}
		return (merged.count() > 0) ? new Folded(was, merged.updates(), merged.count(), newest) : null;
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

	private static Update stamped(Update update, long sequence, String eventId) {
		return update.set("sequence", sequence).set("lastEventId", eventId);
	}

	/** A write with the sequence and id of the event it came from. */
	public record Sequenced(ProjectionWrite write, long sequence, String eventId) {
	}

	/**
	 * A batch for a copy no one else writes, prepared by {@link #prepareOwnCopy}: its writes by document in the order
	 * of their first write, and for each document not held yet its writes folded and the document an insert creates.
	 */
	public static final class OwnCopyBatch {

		private final Class<?> document;

		private final Map<String, List<Sequenced>> byDocument;

		private final Map<String, Folded> folded;

		private final Map<String, Document> created;

		private OwnCopyBatch(Class<?> document, Map<String, List<Sequenced>> byDocument, Map<String, Folded> folded,
				Map<String, Document> created) {
			this.document = document;
			this.byDocument = byDocument;
			this.folded = folded;
			this.created = created;
		}

	}

	/**
	 * One document's kept writes: the sequence it held ({@code null}: not there), the updates to apply in order, how
	 * many writes they fold and the sequence they leave.
	 */
	private record Folded(Long held, List<Update> updates, long count, long sequence) {
	}

}
