package com.chairside.reporting.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 */
@Component
public class ActiveCollections {

	static final Duration FRESHNESS = Duration.ofMillis(250);

	private final MongoTemplate mongo;

	private final Projections projections;

	private final Clock clock;

	private final Map<String, Read> cache = new ConcurrentHashMap<>();

	ActiveCollections(MongoTemplate mongo, Projections projections, Clock clock) {
		this.mongo = mongo;
		this.projections = projections;
		this.clock = clock;
	}

	/** The collection the projection named {@code name} answers from and is written to. */
	public String of(String name) {
		Instant now = this.clock.instant();
		Read read = this.cache.get(name);
		if (read == null || read.at().plus(FRESHNESS).isBefore(now)) {
			ActivePointer pointer = this.mongo.findById(name, ActivePointer.class);
			read = new Read((pointer != null) ? pointer.collection() : this.projections.named(name).collection(), now);
			this.cache.put(name, read);
		}
		return read.collection();
	}

	public String of(Projection projection) {
		return of(projection.name());
	}

	/** Points the projection at {@code collection}, unless it already points there; returns the collection it left. */
	public String moveTo(Projection projection, String collection, String rebuildId) {
		String before = current(projection);
		if (!before.equals(collection)) {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(projection.name())),
					new Update().set("collection", collection).set("rebuildId", rebuildId).set("since", this.clock.instant()),
					ActivePointer.class);
			this.cache.remove(projection.name());
		}
		return before;
	}

	/** The pointer as stored now, bypassing the cache. */
	public String current(Projection projection) {
		ActivePointer pointer = this.mongo.findById(projection.name(), ActivePointer.class);
		return (pointer != null) ? pointer.collection() : projection.collection();
	}

	private record Read(String collection, Instant at) {
	}

	/** The pointer document of one projection. */
	@Document("projection_pointers")
	record ActivePointer(@Id String projection, String collection, String rebuildId, Instant since) {
	}

}
