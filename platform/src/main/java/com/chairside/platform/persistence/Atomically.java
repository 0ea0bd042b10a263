package com.chairside.platform.persistence;

import com.mongodb.client.result.UpdateResult;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.chairside.platform.persistence.SequencedWrite.Absent;
import com.chairside.platform.persistence.SequencedWrite.Outcome;

import static com.chairside.platform.persistence.ConditionalWrites.SEQUENCE;

/**
 * A sequence guard on MongoDB: one write filtered on {@code {_id, sequence < n}} (or {@code <=}), upserting when the
 * document may be created. A duplicate key means that the document exists, created meanwhile or holding a sequence
 * that is not older: the conditional write is tried once more without creating, and decides.
 */
final class Atomically<T> {

	private final MongoTemplate mongo;

	private final SequencedWrite<T> write;

	private final Update update;

	private final boolean withBefore;

	Atomically(MongoTemplate mongo, SequencedWrite<T> write, Update update, boolean withBefore) {
		this.mongo = mongo;
		this.write = write;
		this.update = update;
		this.withBefore = withBefore;
	}

	Outcome<T> apply() {
		Criteria older = Criteria.where("_id").is(this.write.id());
		Query olderOnly = Query.query(this.write.sameSequenceToo() ? older.and(SEQUENCE).lte(this.write.sequence())
				: older.and(SEQUENCE).lt(this.write.sequence()));
		try {
			Outcome<T> outcome = conditional(olderOnly, this.write.absent() == Absent.UPSERT);
			if (outcome.applied() || this.write.absent() != Absent.INSERT) {
				return outcome;
			}
			this.mongo.insert(this.write.inserted(), this.write.collection());
			return Outcome.applied(null);
		}
		catch (DuplicateKeyException ex) {
			return conditional(olderOnly, false);
		}
	}

	private Outcome<T> conditional(Query olderOnly, boolean upsert) {
		if (this.withBefore) {
			T before = this.mongo.findAndModify(olderOnly, this.update,
					FindAndModifyOptions.options().upsert(upsert).returnNew(false), this.write.type(),
					this.write.collection());
			return (before != null || upsert) ? Outcome.applied(before) : Outcome.notApplied();
		}
		UpdateResult result = upsert ? this.mongo.upsert(olderOnly, this.update, this.write.type(), this.write.collection())
				: this.mongo.updateFirst(olderOnly, this.update, this.write.type(), this.write.collection());
		return (result.getMatchedCount() > 0 || result.getUpsertedId() != null) ? Outcome.applied(null)
				: Outcome.notApplied();
	}

}
