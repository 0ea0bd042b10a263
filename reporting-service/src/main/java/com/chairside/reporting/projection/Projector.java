package com.chairside.reporting.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.inbox.IncomingEvent;

/**
 * Applies events to projection documents in conditional writes: only when the event's {@code ce_sequence} is newer
 * than the one the document holds. A redelivered or older event matches nothing, and its upsert collides with the
 * existing document's id, so it changes nothing. The live consumers apply one event at a time; a rebuild applies a
 * batch in unordered bulk writes under the same condition.
 */
@Component
public class Projector {

	/** MongoDB's duplicate key error: the upsert of an event that is not newer than the document. */
	private static final int DUPLICATE_KEY = 11000;

	private final MongoTemplate mongo;

	Projector(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** @return true when the event was applied, false when it was not newer than what the projection holds */
	public boolean apply(IncomingEvent event, ProjectionWrite write, Class<?> document, String collection) {
		try {
			this.mongo.upsert(newerThanHeld(write.id(), event.sequence()), stamped(write.update(), event), document,
					collection);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Applies a batch of writes, in the order given, in as few bulk writes as the batch allows: the first write of each
	 * document in one unordered bulk write, the second in the next, and so on, so that the writes of one document keep
	 * their order while different documents go together.
	 * @return how many writes were applied (the rest were not newer)
	 */
	public long applyAll(List<Sequenced> writes, Class<?> document, String collection) {
		Map<String, List<Sequenced>> byDocument = new LinkedHashMap<>();
		writes.forEach((w) -> byDocument.computeIfAbsent(w.write().id(), (id) -> new ArrayList<>()).add(w));
		long applied = 0;
		for (int round = 0; !byDocument.isEmpty(); round++) {
			BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, document, collection);
			int inRound = 0;
			for (var it = byDocument.values().iterator(); it.hasNext();) {
				List<Sequenced> ofDocument = it.next();
				Sequenced w = ofDocument.get(round);
				bulk.upsert(newerThanHeld(w.write().id(), w.sequence()), stamped(w.write().update(), w.sequence(), w.eventId()));
				inRound++;
				if (ofDocument.size() == round + 1) {
					it.remove();
				}
			}
			applied += inRound - notNewer(bulk);
		}
		return applied;
	}

	private static int notNewer(BulkOperations bulk) {
		try {
			bulk.execute();
			return 0;
		}
		catch (BulkOperationException ex) {
			if (ex.getErrors().stream().anyMatch((e) -> e.getCode() != DUPLICATE_KEY)) {
				throw ex;
			}
			return ex.getErrors().size();
		}
	}

	private static Query newerThanHeld(String id, long sequence) {
		return Query.query(Criteria.where("_id").is(id).and("sequence").lt(sequence));
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
