package com.chairside.platform.persistence;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.chairside.platform.persistence.SequencedWrite.Absent;
import com.chairside.platform.persistence.SequencedWrite.Outcome;

import static com.chairside.platform.persistence.ConditionalWrites.SEQUENCE;

/**
 * A sequence guard on the embedded store: reads the document by {@code _id}, compares the sequence it holds here and
 * writes with a filter of exactly {@code {_id, sequence: <held>}} (served from the unique index
 * {@link ConditionalWrites#prepare} made). A write that matches nothing or collides lost a race against another
 * writer: it reads again and decides again.
 */
final class ReadAndCompare<T> {

	private final MongoTemplate mongo;

	private final SequencedWrite<T> write;

	private final Update update;

	ReadAndCompare(MongoTemplate mongo, SequencedWrite<T> write, Update update) {
		this.mongo = mongo;
		this.write = write;
		this.update = update;
	}

	Outcome<T> apply() {
		this.write.writes().prepareSequence(this.write.collection());
		while (true) {
			Document current = this.mongo.findOne(Query.query(Criteria.where("_id").is(this.write.id())), Document.class,
					this.write.collection());
			try {
				if (current == null) {
					return create();
				}
				if (!this.write.newerThan(ConditionalWrites.heldSequence(current))) {
					return Outcome.notApplied();
				}
				Query unchanged = ConditionalWrites.held(this.write.id(), SEQUENCE, current.get(SEQUENCE));
				if (this.mongo.updateFirst(unchanged, this.update, this.write.type(), this.write.collection())
					.getMatchedCount() == 1) {
					return Outcome.applied(this.mongo.getConverter().read(this.write.type(), current));
				}
			}
			catch (DuplicateKeyException ex) {
				// created meanwhile by another writer: decide again on what it holds
			}
		}
	}

	/** The document is not there: insert it, upsert it at the event's own sequence, or leave it. */
	private Outcome<T> create() {
		if (this.write.absent() == Absent.SKIP) {
			return Outcome.notApplied();
		}
		if (this.write.absent() == Absent.INSERT) {
			this.mongo.insert(this.write.inserted(), this.write.collection());
		}
		else {
			this.mongo.upsert(ConditionalWrites.held(this.write.id(), SEQUENCE, this.write.sequence()), this.update,
					this.write.type(), this.write.collection());
		}
		return Outcome.applied(null);
	}

}
