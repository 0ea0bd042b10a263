package com.chairside.notification.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
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
	 * Claims the next mail due at {@code now} for {@code claim}, so that no other replica takes it meanwhile; a claim
	 * left by a crashed replica runs out and the mail is claimed again. Returns the notification's id, or {@code null}.
	 * The filter is served by the due time's index.
	 */
	public String claimNext(Instant now, Duration claim) {
		Document claimed = this.mongo.execute(COLLECTION,
				(collection) -> collection.findOneAndUpdate(Filters.lte(DUE, Date.from(now)),
						Updates.set(DUE, Date.from(now.plus(claim))),
						new FindOneAndUpdateOptions().projection(Projections.include("_id"))
							.returnDocument(ReturnDocument.AFTER)));
		return (claimed != null) ? claimed.getString("_id") : null;
	}

	/** Tries the mail of {@code notificationId} again at {@code due}. */
	public void retryAt(String notificationId, Instant due) {
		this.mongo.execute(COLLECTION,
				(collection) -> collection.updateOne(Filters.eq("_id", notificationId), Updates.set(DUE, Date.from(due))));
	}

	/** The mail of {@code notificationId} is no longer owed (sent, given up, or its notification is gone). */
	public void remove(String notificationId) {
		this.mongo.execute(COLLECTION, (collection) -> collection.deleteOne(Filters.eq("_id", notificationId)));
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

}
