package com.chairside.platform.scheduling;

import java.util.Date;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;

/**
 * ShedLock's MongoDB locks in {@link #COLLECTION}, asked only when the lock is not plainly held. The provider takes a
 * lock with one upsert on {@code {_id, lockUntil <= now}}, which fails with a duplicate key while another replica holds
 * it; the embedded store logs each such failure as an error. So a replica first reads the lock by {@code _id} and
 * leaves its turn at once while the lock is held; only a lock that has run out (or two replicas reading it at the same
 * moment) goes to the provider.
 */
class SchedulerLocks implements LockProvider {

	/** One document per job: {@code _id} the job's lock name, {@code lockUntil}, {@code lockedAt}, {@code lockedBy}. */
	static final String COLLECTION = "scheduler_locks";

	private final MongoCollection<Document> locks;

	private final LockProvider provider;

	SchedulerLocks(MongoDatabase database) {
		this.locks = database.getCollection(COLLECTION)
			.withWriteConcern(WriteConcern.MAJORITY)
			.withReadConcern(ReadConcern.MAJORITY);
		this.provider = new MongoLockProvider(this.locks);
	}

	@Override
	public Optional<SimpleLock> lock(LockConfiguration lock) {
		Document held = this.locks.find(Filters.eq("_id", lock.getName())).first();
		Date until = (held != null) ? held.getDate("lockUntil") : null;
		if (until != null && until.toInstant().isAfter(ClockProvider.now())) {
			return Optional.empty();
		}
		return this.provider.lock(lock);
	}

}
