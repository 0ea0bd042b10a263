package com.chairside.account.demo;

import java.time.Instant;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per demo unit ({@code demoUnits}, id = the unit) holding its bookings. A booking is one conditional
 * upsert: "the unit's document, provided no booking of it overlaps [start, end)", pushing the new booking. If another
 * booking overlaps, the filter matches nothing and the upsert's insert collides with the unit's existing id: refused.
 * Two replicas booking the same unit at once cannot both succeed, because the store applies single-document writes one
 * after the other.
 */
@Component
class DemoUnitCalendar {

	static final String COLLECTION = "demoUnits";

	private final MongoTemplate mongo;

	DemoUnitCalendar(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Books the unit for the demo; false when another booking overlaps. */
	boolean book(String unit, String demoId, Instant start, Instant end) {
		Criteria overlapping = Criteria.where("start").lt(end).and("end").gt(start);
		Query free = Query.query(Criteria.where("_id").is(unit)
			.norOperator(Criteria.where("bookings").elemMatch(overlapping)));
		Update push = new Update().push("bookings", new Document("demoId", demoId).append("start", start).append("end", end));
		try {
			return this.mongo.findAndModify(free, push, FindAndModifyOptions.options().upsert(true).returnNew(true),
					Document.class, COLLECTION) != null;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Frees the unit again (the demo could not be saved). */
	void release(String unit, String demoId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(unit)),
				new Update().pull("bookings", new Document("demoId", demoId)), COLLECTION);
	}

}
