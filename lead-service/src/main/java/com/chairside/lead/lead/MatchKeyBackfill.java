package com.chairside.lead.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.chairside.platform.persistence.Claims;

/**
 * Gives the leads stored before match-key claims existed their claims, once per database, so an upgraded deployment
 * still finds their duplicates. It runs when the beans are ready and before the web server takes requests. Claims
 * are inserted, never overwritten: running it again, or on two replicas starting together, changes nothing twice
 * (of two old leads sharing a key, the first stored keeps it, as the old query found it first). A marker document in
 * {@code lead_upgrades} skips it on later starts; dying before the marker means the next start runs it again.
 */
@Component
class MatchKeyBackfill implements SmartInitializingSingleton {

	static final String UPGRADES = "lead_upgrades";

	static final String DONE = "lead_match_keys backfilled";

	private static final int BATCH = 1000;

	private static final Logger log = LoggerFactory.getLogger(MatchKeyBackfill.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	MatchKeyBackfill(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.mongo.findById(DONE, Document.class, UPGRADES) == null) {
			run();
		}
	}

	/** Claims every key of every lead not merged away that nobody holds yet; answers the claims made. */
	long run() {
		Instant now = this.clock.instant();
		Query query = Query.query(Criteria.where("mergedInto").is(null).and("matchKeys").ne(null));
		query.fields().include("matchKeys");
		long leads = 0;
		long claimed = 0;
		List<Document> batch = new ArrayList<>(BATCH);
		try (Stream<Duplicates.KeysOnly> stored = this.mongo.stream(query, Duplicates.KeysOnly.class, "leads")) {
			for (Duplicates.KeysOnly lead : (Iterable<Duplicates.KeysOnly>) stored::iterator) {
				leads++;
				for (String key : Duplicates.keysOf(lead.matchKeys())) {
					batch.add(Duplicates.claimOf(key, lead.id(), now));
				}
				if (batch.size() >= BATCH) {
					claimed += batch.size() - Claims.claimAll(this.mongo, Duplicates.CLAIMS, batch).cardinality();
					batch.clear();
				}
			}
		}
		claimed += batch.size() - Claims.claimAll(this.mongo, Duplicates.CLAIMS, batch).cardinality();
		this.mongo.save(new Document("_id", DONE).append("at", java.util.Date.from(now)).append("leads", leads).append("claims", claimed),
				UPGRADES);
		log.info("Match-key backfill: {} new claims for {} stored leads", claimed, leads);
		return claimed;
	}

}
