package com.chairside.reporting.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which collection holds each projection's current copy. The pointer is a document per projection, so every replica
 * reads and writes the same copy; a rebuild moves it once its copy has caught up. Replicas re-read it at most
 * {@link #FRESHNESS} after it changed.
 * <p>
 * While a rebuild switches a projection over ({@link #beginSwitch}), the live consumers' writes to it wait
 * ({@link #forWrite}) until the pointer has moved, so that the new copy has one writer at a time and receives each
 * aggregate's events in their order: first the rebuild, up to the topics' end, then the live consumers. Reads go on
 * from the old copy meanwhile. A switch the rebuild does not finish ends by itself at the instant it named.
 */
@Component
public class ActiveCollections {

	private static final Logger log = LoggerFactory.getLogger(ActiveCollections.class);

	static final Duration FRESHNESS = Duration.ofMillis(250);

	/** How long after {@link #beginSwitch} every replica's next write waits: its cached pointer has expired by then. */
	public static final Duration NOTICED_WITHIN = FRESHNESS.multipliedBy(4);

	private static final Duration WAIT_STEP = Duration.ofMillis(20);

	private final MongoTemplate mongo;

	private final Projections projections;

	private final Clock clock;

	private final Map<String, Read> cache = new ConcurrentHashMap<>();

	ActiveCollections(MongoTemplate mongo, Projections projections, Clock clock) {
		this.mongo = mongo;
		this.projections = projections;
		this.clock = clock;
	}

	/** The collection the projection named {@code name} answers from. */
	public String of(String name) {
		return read(name).collection();
	}

	private Read read(String name) {
		Instant now = this.clock.instant();
		Read read = this.cache.get(name);
		if (read == null || read.at().plus(FRESHNESS).isBefore(now)) {
			read = fresh(name, now);
		}
		return read;
	}

	private Read fresh(String name, Instant now) {
		ActivePointer pointer = this.mongo.findById(name, ActivePointer.class);
		Read read = new Read((pointer != null && pointer.collection() != null) ? pointer.collection()
				: this.projections.named(name).collection(), (pointer != null) ? pointer.switchingUntil() : null, now);
		this.cache.put(name, read);
		return read;
	}

	/**
	 * The collection a live consumer writes the projection's next event to; while a rebuild switches the projection
	 * over, waits until the rebuild has moved the pointer (or let the switch run out).
	 */
	public String forWrite(Projection projection) {
		Read read = read(projection.name());
		if (!read.switching(this.clock.instant())) {
			return read.collection();
		}
		log.info("Projection {} is being switched over to a rebuilt copy; its live writes wait until {}",
				projection.name(), read.switchingUntil());
		try {
			while (read.switching(this.clock.instant())) {
				Thread.sleep(WAIT_STEP.toMillis());
				read = fresh(projection.name(), this.clock.instant());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while projection " + projection.name() + " was switched over", ex);
		}
		return read.collection();
	}

	/**
	 * Makes the live consumers' writes to the projection wait from their next pointer read on (within
	 * {@link #NOTICED_WITHIN}) until {@link #moveTo} or {@link #endSwitch}, or {@code until} at the latest.
	 */
	public void beginSwitch(Projection projection, Instant until) {
		this.mongo.upsert(Query.query(Criteria.where("_id").is(projection.name())),
				new Update().set("switchingUntil", until), ActivePointer.class);
		this.cache.remove(projection.name());
	}

	/** Lets the live consumers' writes to the projection go on into the copy the pointer names. */
	public void endSwitch(Projection projection) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(projection.name())),
				new Update().unset("switchingUntil"), ActivePointer.class);
		this.cache.remove(projection.name());
	}

	public String of(Projection projection) {
		return of(projection.name());
	}

	/**
	 * Points the projection at {@code collection}, unless it already points there, and ends a switch-over; returns the
	 * collection it left.
	 */
	public String moveTo(Projection projection, String collection, String rebuildId) {
		String before = current(projection);
		if (!before.equals(collection)) {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(projection.name())),
					new Update().set("collection", collection).set("rebuildId", rebuildId).set("since", this.clock.instant())
						.unset("switchingUntil"),
					ActivePointer.class);
			this.cache.remove(projection.name());
		}
		else {
			endSwitch(projection);
		}
		return before;
	}

	/** The pointer as stored now, bypassing the cache. */
	public String current(Projection projection) {
		ActivePointer pointer = this.mongo.findById(projection.name(), ActivePointer.class);
		return (pointer != null && pointer.collection() != null) ? pointer.collection() : projection.collection();
	}

	private record Read(String collection, Instant switchingUntil, Instant at) {

		boolean switching(Instant now) {
			return this.switchingUntil != null && now.isBefore(this.switchingUntil);
		}

	}

	/** The pointer document of one projection; {@code switchingUntil} while a rebuild switches it over. */
	@Document("projection_pointers")
	record ActivePointer(@Id String projection, String collection, String rebuildId, Instant since,
			Instant switchingUntil) {
	}

}
