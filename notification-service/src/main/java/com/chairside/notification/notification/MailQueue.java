package com.chairside.notification.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import com.chairside.platform.persistence.Claims;

/**
 * The e-mails still owed: one small document per notification whose mail has not gone out or been given up, keyed by
 * the notification's id ({@code mail_queue}). The mail dispatcher claims from here instead of querying
 * {@code notifications}, a collection that only grows, with a query over it; an entry is
 * removed once its notification is SENT or FAILED. An entry is written after its notification, so each one names a
 * stored notification; a notification without one (a crash in between, a store from before the queue) is found by
 * {@link #sweep(Instant)}, which the dispatcher runs rarely. An entry whose notification is no longer PENDING is
 * harmless: the dispatcher reads the notification first and drops the entry.
 */
@Component
public class MailQueue implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(MailQueue.class);

	static final String COLLECTION = "mail_queue";

	private static final String DUE = "nextAttemptAt";

	private static final String ATTEMPTS = "attempts";

	private static final String TOKEN = "claim";

	private final MongoTemplate mongo;

	MailQueue(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Indexes the due time, which every claim filters on, at start before the service takes events. */
	@Override
	public void afterSingletonsInstantiated() {
		try {
			this.mongo.getCollection(COLLECTION).createIndex(Indexes.ascending(DUE), new IndexOptions().name("due"));
		}
		catch (RuntimeException ex) {
			log.warn("The mail queue's due time not indexed ({}); claims read the whole queue until the next start",
					ex.toString());
		}
	}

	/** Owes the mail of each notification named, due at {@code due}; one already owed keeps its own due time. */
	public void enqueue(Collection<String> notificationIds, Instant due) {
		if (notificationIds.isEmpty()) {
			return;
		}
		List<Document> entries = new ArrayList<>();
		for (String id : notificationIds) {
			entries.add(new Document("_id", id).append(DUE, Date.from(due)));
		}
		Claims.claimAll(this.mongo, COLLECTION, entries);
	}

	/**
	 * Claims up to {@code limit} mails due at {@code now} for {@code claim}, so that no other replica takes them
	 * meanwhile; a claim left by a crashed replica runs out and its mails are claimed again. Each claim counts an
	 * attempt on the entry, before the mail is tried, so that a mail whose sending kills the replica is still given up
	 * in the end. Two commands when no other replica claimed the same entries at once (the due entries read by the due
	 * time's index, then claimed by id, each only while still due); a third reads back which ones this call won when
	 * another did. The claimed entries are marked with a token of their own, which {@link #release} checks.
	 */
	public Batch claimDue(Instant now, Duration claim, int limit) {
		List<Document> due = new ArrayList<>();
		this.mongo.execute(COLLECTION, (collection) -> collection.find(Filters.lte(DUE, Date.from(now)))
			.projection(Projections.include("_id", ATTEMPTS))
			.limit(limit)
			.into(due));
		if (due.isEmpty()) {
			return new Batch(null, now, List.of(), false);
		}
		List<String> ids = due.stream().map((entry) -> entry.getString("_id")).toList();
		String token = UUID.randomUUID().toString();
		long won = this.mongo.execute(COLLECTION,
				(collection) -> collection.updateMany(Filters.and(Filters.in("_id", ids), Filters.lte(DUE, Date.from(now))),
						Updates.combine(Updates.set(DUE, Date.from(now.plus(claim))), Updates.set(TOKEN, token),
								Updates.inc(ATTEMPTS, 1)))
					.getModifiedCount());
		List<Document> claimed = due;
		if (won < ids.size()) {
			// Another replica claimed some of them between the two: which ones are this call's, the token says.
			claimed = new ArrayList<>();
			List<Document> ours = claimed;
			this.mongo.execute(COLLECTION,
					(collection) -> collection.find(Filters.and(Filters.in("_id", ids), Filters.eq(TOKEN, token)))
						.projection(Projections.include("_id", ATTEMPTS))
						.into(ours));
		}
		List<Owed> owed = new ArrayList<>(claimed.size());
		for (Document entry : claimed) {
			// read before this call's claim when all were won, after it when read back
			Number attempts = entry.get(ATTEMPTS, Number.class);
			int counted = (attempts != null) ? attempts.intValue() : 0;
			owed.add(new Owed(entry.getString("_id"), (claimed == due) ? counted + 1 : counted));
		}
		return new Batch(token, now, owed, due.size() == limit);
	}

	/**
	 * Tries the mail of {@code notificationId} again at {@code due}; unless {@code attempted}, the claim that took it
	 * does not count as an attempt (the mail was not tried).
	 */
	public void retryAt(String notificationId, Instant due, boolean attempted) {
		this.mongo.execute(COLLECTION, (collection) -> collection.updateOne(Filters.eq("_id", notificationId),
				attempted ? Updates.set(DUE, Date.from(due))
						: Updates.combine(Updates.set(DUE, Date.from(due)), Updates.inc(ATTEMPTS, -1))));
	}

	/**
	 * Gives the mails of {@code batch} named back untried, due at once, for this replica's next round or another
	 * replica: only those the batch's claim still holds, so none that another replica claimed since is taken from it.
	 */
	public void release(Batch batch, Collection<String> notificationIds) {
		if (notificationIds.isEmpty()) {
			return;
		}
		this.mongo.execute(COLLECTION,
				(collection) -> collection.updateMany(
						Filters.and(Filters.in("_id", List.copyOf(notificationIds)), Filters.eq(TOKEN, batch.token())),
						Updates.combine(Updates.set(DUE, Date.from(batch.claimedAt())), Updates.inc(ATTEMPTS, -1))));
	}

	/** The mails of {@code notificationIds} are no longer owed (sent, given up, or their notifications are gone). */
	public void remove(Collection<String> notificationIds) {
		if (notificationIds.isEmpty()) {
			return;
		}
		this.mongo.execute(COLLECTION,
				(collection) -> collection.deleteMany(Filters.in("_id", List.copyOf(notificationIds))));
	}

	/**
	 * Owes the mail of every PENDING notification that has no entry, due now: one scan of {@code notifications},
	 * which is why it runs rarely. Returns how many PENDING notifications it saw.
	 */
	public int sweep(Instant now) {
		List<String> pending = new ArrayList<>();
		this.mongo.execute("notifications",
				(collection) -> collection.find(Filters.eq("delivery", Delivery.PENDING.name()))
					.projection(Projections.include("_id"))
					.map((document) -> document.getString("_id"))
					.into(pending));
		enqueue(pending, now);
		log.debug("Mail sweep: {} notifications PENDING", pending.size());
		return pending.size();
	}

	/**
	 * One mail claimed: its notification's id, and how many times its entry has been claimed, this claim included
	 * (attempts to send it since it was owed, a crash in the middle of one counted too).
	 */
	public record Owed(String notificationId, int attempts) {
	}

	/**
	 * The mails one {@link #claimDue} claimed, at {@code claimedAt}, marked with {@code token}; {@code full} when it
	 * found as many due as it was allowed to claim, so more may be due.
	 */
	public record Batch(String token, Instant claimedAt, List<Owed> owed, boolean full) {

		public List<String> notificationIds() {
			return this.owed.stream().map(Owed::notificationId).toList();
		}

	}

}
