package com.chairside.reporting.projection;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.inbox.IncomingEvent;

/**
 * Applies an event to the projection document of its aggregate in one conditional write: only when the event's
 * {@code ce_sequence} is newer than the one recorded. A redelivered or older event matches nothing, and its upsert
 * collides with the existing document's id, so it changes nothing.
 */
@Component
public class Projector {

	private final MongoTemplate mongo;

	Projector(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** @return true when the event was applied, false when it was not newer than what the projection holds */
	public boolean apply(IncomingEvent event, Update update, Class<?> projection) {
		Query olderOrAbsent = Query.query(Criteria.where("_id").is(event.subject()).and("sequence").lt(event.sequence()));
		try {
			this.mongo.upsert(olderOrAbsent, update.set("sequence", event.sequence()).set("lastEventId", event.id()),
					projection);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

}
