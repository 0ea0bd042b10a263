package com.chairside.account.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which demos start on each day (UTC), one document per day ({@code demo_days}, id = the date), so that the demos of
 * a time window are found by {@code _id}, never by a query on {@code start} across every demo (see
 * {@code com.chairside.platform.persistence}).
 * A day names a demo before the demo is stored with that start, and stops naming it only after the demo has moved to
 * another day or was cancelled; so a day may name a demo that no longer starts on it (or was never stored), and
 * readers check each demo they read. Each entry carries the version the demo has once saved with that start: moving
 * away removes only the entries of older versions, so of two moves at once, one moving the demo back to the day the
 * other leaves, the entry of the later stays. Nothing else is kept here, so a demo's region, account and status are
 * always the demo's own. Demos stored before the days existed are entered once, before the web server takes requests.
 */
@Component
class DemoDays implements SmartInitializingSingleton {

	static final String COLLECTION = "demo_days";

	/** The document that says every demo stored before the days is entered in its day (not a date: never read as one). */
	private static final String BACKFILLED = "backfilled";

	private static final Logger log = LoggerFactory.getLogger(DemoDays.class);

	private final MongoTemplate mongo;

	DemoDays(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The demo, as of {@code version}, starts on the day of {@code start}: an upsert by {@code _id}, harmless to repeat. */
	void enter(String demoId, Instant start, long version) {
		Query byDay = Query.query(Criteria.where("_id").is(day(start)));
		Update enter = new Update().addToSet("demos", new Document("demo", demoId).append("version", version));
		try {
			this.mongo.upsert(byDay, enter, DemoDay.class);
		}
		catch (DuplicateKeyException ex) {
			// of two first writes to the day at once, the one that collides writes again
			this.mongo.upsert(byDay, enter, DemoDay.class);
		}
	}

	/** The demo, saved as {@code version} with another start, no longer starts on the day of {@code start}. */
	void leave(String demoId, Instant start, long version) {
		pull(start, new Document("demo", demoId).append("version", new Document("$lt", version)));
	}

	/** The demo was cancelled: it starts on no day any more. */
	void leave(String demoId, Instant start) {
		pull(start, new Document("demo", demoId));
	}

	/** Removes the day's entries that match {@code entries} (a query on each entry). */
	private void pull(Instant start, Document entries) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(day(start))), new Update().pull("demos", entries),
				DemoDay.class);
	}

	/** The demos that may start in [from, until) (from before until): those named by the days the window touches. */
	Set<String> demoIds(Instant from, Instant until) {
		List<String> days = new ArrayList<>();
		for (LocalDate day = date(from); !day.isAfter(date(until.minusMillis(1))); day = day.plusDays(1)) {
			days.add(day.toString());
		}
		Set<String> ids = new LinkedHashSet<>();
		this.mongo.find(Query.query(Criteria.where("_id").in(days)), DemoDay.class)
			.forEach((day) -> day.demos().forEach((entry) -> ids.add(entry.demo())));
		return ids;
	}

	/** Whether two instants are on the same day (UTC), the same document here. */
	static boolean sameDay(Instant one, Instant other) {
		return date(one).equals(date(other));
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.mongo.findById(BACKFILLED, DemoDay.class) == null) {
			backfill();
		}
	}

	/** Enters every demo not cancelled in its day (once per database; running it twice enters nothing twice). */
	private void backfill() {
		Query stored = Query.query(Criteria.where("status").ne(DemoStatus.CANCELLED.name()));
		stored.fields().include("start").include("version");
		long entered = 0;
		try (Stream<Document> demos = this.mongo.stream(stored, Document.class,
				this.mongo.getCollectionName(Demo.class))) {
			for (Document demo : (Iterable<Document>) demos::iterator) {
				if (demo.getDate("start") != null) {
					Number version = demo.get("version", Number.class);
					enter(demo.get("_id").toString(), demo.getDate("start").toInstant(),
							(version != null) ? version.longValue() : 0);
					entered++;
				}
			}
		}
		this.mongo.save(new DemoDay(BACKFILLED, List.of()));
		log.info("{} demos stored before the demo days entered theirs", entered);
	}

	private static String day(Instant instant) {
		return date(instant).toString();
	}

	private static LocalDate date(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

	/** One day and the demos that start on it. */
	@org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
	record DemoDay(@Id String day, Collection<Entry> demos) {

		DemoDay {
			demos = (demos != null) ? demos : List.of();
		}

	}

	/** A demo, as of a version, that starts on the day. */
	record Entry(String demo, long version) {
	}

}
