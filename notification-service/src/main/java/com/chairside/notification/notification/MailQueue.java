package com.chairside.notification.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

/**
 * The e-mails still owed, kept on the notifications themselves: a notification whose mail has not gone out or been
 * given up carries its due time ({@value #DUE}, a sparse index), written in the same insert as the notification, so an
 * event's notifications and their mails are one store command and no crash leaves one without the other. The mail
 * dispatcher claims by the due time's index (a few documents: the field goes once the mail is SENT or FAILED, in the
 * write that records it), never by querying the whole collection. A PENDING notification without a due time (a store
 * from before the due time, or an entry of the old {@value #OLD_QUEUE} collection) is owed again by
 * {@link #sweep(Instant)}, which the dispatcher runs rarely. A due time on a notification that is no longer PENDING is
 * harmless: the dispatcher reads the notification first and drops the due time.
 */
@Component
public class MailQueue implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(MailQueue.class);

	/** Where the notifications, and so their mails, are. */
	static final String COLLECTION = "notifications";

	/** The collection that held one entry per mail owed before the notifications did; the sweep empties it. */
	static final String OLD_QUEUE = "mail_queue";

	/** When the mail is due: there while it is owed, gone once it is SENT or FAILED. */
	public static final String DUE = "mailDue";

	/** How many times the mail has been claimed since it was owed. */
	static final String CLAIMS = "mailClaims";

	/** The token of the claim that holds the mail. */
	static final String TOKEN = "mailClaim";

	private final MongoTemplate mongo;

	MailQueue(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** Indexes the due time, which every claim filters on, at start before the service takes events. */
	@Override
	public void afterSingletonsInstantiated() {
		try {
			this.mongo.getCollection(COLLECTION)
				.createIndex(Indexes.ascending(DUE), new IndexOptions().name("mail_due").sparse(true));
		}
		catch (RuntimeException ex) {
			log.warn("The mails' due time not indexed ({}); claims read all notifications until the next start",
					ex.toString());
		}
	}

	/** Owes the mail of {@code notification} (as stored), due at {@code due}: written with it, in the same insert. */
	static void owe(Document notification, Instant due) {
		notification.append(DUE, Date.from(due));
	}

	/** The update that ends what is owed of a mail: with the write that records it SENT or FAILED. */
	static Update settled(Update update) {
		return update.unset(DUE).unset(TOKEN).unset(CLAIMS);
	}

	/**
	 * Owes the mail of each PENDING notification named that is not owed yet, due at {@code due}; one already owed
	 * keeps its own due time. One command.
	 */
	public void enqueue(Collection<String> notificationIds, Instant due) {
		if (notificationIds.isEmpty()) {
			return;
		}
		this.mongo.execute(COLLECTION,
				(collection) -> collection.updateMany(
						Filters.and(Filters.in("_id", List.copyOf(notificationIds)), unowedPending()),
						Updates.set(DUE, Date.from(due))));
	}

	private static Bson unowedPending() {
		return Filters.and(Filters.eq("delivery", Delivery.PENDING.name()), Filters.eq("channel", Channel.EMAIL.name()),
				Filters.exists(DUE, false));
	}

	/**
	 * Claims up to {@code limit} mails due at {@code now} for {@code claim}, so that no other replica takes them
	 * meanwhile; a claim left by a crashed replica runs out and its mails are claimed again. Each claim counts an
	 * attempt, before the mail is tried, so that a mail whose sending kills the replica is still given up in the end.
	 * Two commands when no other replica claimed the same mails at once (the due ones read by the due time's index,
	 * then claimed by id, each only while still due); a third reads back which ones this call won when another did.
	 * The claimed mails are marked with a token of their own, which {@link #release} checks.
	 */
	public Batch claimDue(Instant now, Duration claim, int limit) {
		List<Document> due = new ArrayList<>();
		this.mongo.execute(COLLECTION, (collection) -> collection.find(Filters.lte(DUE, Date.from(now)))
			.projection(Projections.include("_id", CLAIMS))
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
								Updates.inc(CLAIMS, 1)))
					.getModifiedCount());
		List<Document> claimed = due;
		if (won < ids.size()) {
			// Another replica claimed some of them between the two: which ones are this call's, the token says.
			claimed = new ArrayList<>();
			List<Document> ours = claimed;
			this.mongo.execute(COLLECTION,
					(collection) -> collection.find(Filters.and(Filters.in("_id", ids), Filters.eq(TOKEN, token)))
						.projection(Projections.include("_id", CLAIMS))
						.into(ours));
		}
		List<Owed> owed = new ArrayList<>(claimed.size());
		for (Document entry : claimed) {
			// read before this call's claim when all were won, after it when read back
			Number attempts = entry.get(CLAIMS, Number.class);
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
		this.mongo.execute(COLLECTION,
				(collection) -> collection.updateOne(Filters.and(Filters.eq("_id", notificationId), Filters.exists(DUE)),
						attempted ? Updates.set(DUE, Date.from(due))
								: Updates.combine(Updates.set(DUE, Date.from(due)), Updates.inc(CLAIMS, -1))));
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
						Filters.and(Filters.in("_id", List.copyOf(notificationIds)), Filters.eq(TOKEN, batch.token()),
								Filters.exists(DUE)),
						Updates.combine(Updates.set(DUE, Date.from(batch.claimedAt())), Updates.inc(CLAIMS, -1))));
	}

	/**
	 * The mails of {@code notificationIds} are no longer owed (their notifications were found sent or given up, or are
	 * gone); a mail sent or given up here is settled by the write that records it.
	 */
	public void remove(Collection<String> notificationIds) {
		if (notificationIds.isEmpty()) {
			return;
		}
		this.mongo.execute(COLLECTION,
				(collection) -> collection.updateMany(
						Filters.and(Filters.in("_id", List.copyOf(notificationIds)), Filters.exists(DUE)),
						Updates.combine(Updates.unset(DUE), Updates.unset(TOKEN), Updates.unset(CLAIMS))));
	}

	/**
	 * Owes the mails of the old {@value #OLD_QUEUE} collection's entries on their notifications (with their due
	 * times and claims, each entry removed once moved), then the mail of every PENDING notification owed nothing, due
	 * now: a query of {@code notifications} by delivery, which is why it runs rarely. Returns how many mails it owed.
	 */
	public int sweep(Instant now) {
		int moved = moveOldQueue();
		long owed = this.mongo.execute(COLLECTION,
				(collection) -> collection.updateMany(unowedPending(), Updates.set(DUE, Date.from(now)))
					.getModifiedCount());
		log.debug("Mail sweep: {} mails moved from {}, {} PENDING notifications owed their mail again", moved,
				OLD_QUEUE, owed);
		return moved + (int) owed;
	}

	/** Moves the old queue's entries onto their notifications, a few hundred per command; how many it moved. */
	private int moveOldQueue() {
		int moved = 0;
		List<Document> entries = new ArrayList<>();
		do {
			entries.clear();
			this.mongo.execute(OLD_QUEUE, (queue) -> queue.find().limit(500).into(entries));
			for (Document entry : entries) {
				Date due = entry.get("nextAttemptAt", Date.class);
				Number attempts = entry.get("attempts", Number.class);
				long modified = this.mongo.execute(COLLECTION,
						(collection) -> collection
							.updateOne(Filters.and(Filters.eq("_id", entry.get("_id")), unowedPending()),
									Updates.combine(Updates.set(DUE, (due != null) ? due : new Date()),
											Updates.set(CLAIMS, (attempts != null) ? attempts.intValue() : 0)))
							.getModifiedCount());
				moved += (int) modified;
			}
			List<Object> ids = entries.stream().map((entry) -> entry.get("_id")).toList();
			if (!ids.isEmpty()) {
				this.mongo.execute(OLD_QUEUE, (queue) -> queue.deleteMany(Filters.in("_id", ids)));
			}
		}
		while (!entries.isEmpty());
		return moved;
	}

	/**
	 * One mail claimed: its notification's id, and how many times it has been claimed, this claim included (attempts
	 * to send it since it was owed, a crash in the middle of one counted too).
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
