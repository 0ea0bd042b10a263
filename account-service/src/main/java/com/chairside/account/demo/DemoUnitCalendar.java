package com.chairside.account.demo;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

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
 * upsert: "the unit's document, provided no booking of another demo overlaps [start, end)", pushing the new booking. If
 * another booking overlaps, the filter matches nothing and the upsert's insert collides with the unit's existing id:
 * refused. Two replicas booking the same unit at once cannot both succeed, because the store applies single-document
 * writes one after the other. A demo's own bookings never clash with it, so a demo moved to a slot that overlaps its
 * old one is booked there first and released from the old slot after.
 */
@Component
class DemoUnitCalendar {

	static final String COLLECTION = "demoUnits";

	/** Tries of a booking whose clash was released before it could be named (then the slot may be free). */
	private static final int ATTEMPTS = 3;

	private final MongoTemplate mongo;

	DemoUnitCalendar(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Books the unit for the demo from {@code start} to {@code end} (millisecond precision, as stored); empty when
	 * booked, otherwise the other demo's booking that overlaps.
	 */
	Optional<Booking> book(String unit, String demoId, Instant start, Instant end) {
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			if (tryBook(unit, demoId, start, end)) {
				return Optional.empty();
			}
			Optional<Booking> clash = clash(unit, demoId, start, end);
			if (clash.isPresent()) {
				return clash;
			}
			// the overlapping booking was released meanwhile: try again
		}
		throw new IllegalStateException("Demo unit " + unit + " could not be booked in " + ATTEMPTS + " attempts");
	}

	private boolean tryBook(String unit, String demoId, Instant start, Instant end) {
		Criteria overlapping = Criteria.where("start").lt(end).and("end").gt(start).and("demoId").ne(demoId);
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

	/** The booking of another demo that overlaps the interval, read from the unit's document by its id. */
	private Optional<Booking> clash(String unit, String demoId, Instant start, Instant end) {
		Document calendar = this.mongo.findById(unit, Document.class, COLLECTION);
		if (calendar == null) {
			return Optional.empty();
		}
		return calendar.getList("bookings", Document.class, List.of())
			.stream()
			.map((b) -> new Booking(b.getString("demoId"), b.getDate("start").toInstant(), b.getDate("end").toInstant()))
			.filter((b) -> !b.demoId().equals(demoId) && b.start().isBefore(end) && b.end().isAfter(start))
			.findFirst();
	}

	/** Frees every slot the demo holds on the unit (it was cancelled, or could not be saved). */
	void release(String unit, String demoId) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(unit)),
				new Update().pull("bookings", new Document("demoId", demoId)), COLLECTION);
	}

	/** Frees one slot of the demo on the unit (the one it was moved from, or the one it could not be moved to). */
	void release(String unit, String demoId, Instant start, Instant end) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(unit)), new Update().pull("bookings",
				new Document("demoId", demoId).append("start", Date.from(start)).append("end", Date.from(end))),
				COLLECTION);
	}

	/** A slot of a unit held by a demo. */
	record Booking(String demoId, Instant start, Instant end) {
	}

}
