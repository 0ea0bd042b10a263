package com.chairside.notification.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import com.chairside.notification.people.People;
import com.chairside.platform.outbox.EventFactory;
import com.chairside.platform.outbox.OutboxRelay;
import com.chairside.platform.persistence.Claims;
import com.chairside.platform.persistence.ConditionalWrites;
import com.chairside.platform.persistence.VersionedSave;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.NotFoundException;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Records who must be told of an event, once each; answers who was told; and moves notifications through their
 * states (sent, failed, acknowledged, escalated), each move one conditional write that stages its event.
 */
@Service
@EnableConfigurationProperties({ NotificationProperties.class, EscalationProperties.class, People.class })
public class NotificationManagement {

	private static final Logger log = LoggerFactory.getLogger(NotificationManagement.class);

	private final MongoTemplate mongo;

	private final ConditionalWrites writes;

	private final NotificationProperties properties;

	private final EscalationProperties escalation;

	private final EventFactory events;

	private final MeterRegistry meters;

	private final Clock clock;

	private final OutboxRelay outbox;

	private final MailQueue mailQueue;

	private final People people;

	NotificationManagement(MongoTemplate mongo, ConditionalWrites writes, NotificationProperties properties,
			EscalationProperties escalation, EventFactory events, MeterRegistry meters, Clock clock, OutboxRelay outbox,
			MailQueue mailQueue, People people) {
		this.people = people;
		this.outbox = outbox;
		this.mongo = mongo;
		this.writes = writes;
		this.properties = properties;
		this.escalation = escalation;
		this.events = events;
		this.meters = meters;
		this.clock = clock;
		this.mailQueue = mailQueue;
	}

	/**
	 * One notification per department and person the notice names; one already told of this event is skipped, so a
	 * redelivered event changes nothing. All in one unordered {@code insertMany}, the unique index refusing the
	 * duplicates one by one, each e-mail notification owing its mail in the same document ({@link MailQueue}). Should a
	 * duplicate be PENDING and owe no mail (stored by a version before the notification held its mail), its mail is
	 * owed again. Returns the notifications recorded now.
	 */
	public List<Notification> record(Notice notice) {
		return recordAll(List.of(notice));
	}

	/**
	 * {@link #record} for several notices at once: the notifications of all of them, and their mails, in one
	 * {@code insertMany}.
	 */
	public List<Notification> recordAll(List<Notice> notices) {
		if (notices.isEmpty()) {
			return List.of();
		}
		Instant now = this.clock.instant();
		List<Notification> told = new ArrayList<>();
		for (Notice notice : notices) {
			for (Department department : notice.departments()) {
				Duration deadline = this.escalation.deadlineFor(department, notice.eventType());
				told.add(Notification.of(notice, department, null, this.properties.recipientOf(department), now,
						(deadline != null) ? now.plus(deadline) : null));
			}
			for (String person : notice.people()) {
				told.add(Notification.of(notice, null, person, mailboxOf(person), now, null));
			}
		}
		List<Document> documents = new ArrayList<>(told.size());
		for (Notification notification : told) {
			Document document = new Document();
			this.mongo.getConverter().write(notification, document);
			if (notification.channel() == Channel.EMAIL && notification.delivery() == Delivery.PENDING) {
				MailQueue.owe(document, now);
			}
			documents.add(document);
		}
		BitSet duplicates = Claims.claimAll(this.mongo, this.mongo.getCollectionName(Notification.class), documents);
		List<Notification> recorded = new ArrayList<>(told.size());
		List<String> redelivered = new ArrayList<>();
		for (int i = 0; i < told.size(); i++) {
			if (!duplicates.get(i)) {
				recorded.add(told.get(i));
			}
			else if (told.get(i).channel() == Channel.EMAIL) {
				redelivered.add(told.get(i).id());
			}
		}
		this.mailQueue.enqueue(redelivered, now);
		for (Notification notification : recorded) {
			this.meters.counter("chairside.notifications.recorded", "type", notification.eventType()).increment();
		}
		// One line per notification is too many on the event path: the counter says how many; this is for debugging.
		log.debug("{} notices: {} notifications recorded, {} already recorded", notices.size(), recorded.size(),
				duplicates.cardinality());
		return recorded;
	}

	/** Where a person's mail goes: the people directory's address, else the configured mailbox or user@domain. */
	public String mailboxOf(String person) {
		return this.people.emailOf(person).orElseGet(() -> this.properties.mailboxOf(person));
	}

	/**
	 * The notifications a user may read, newest first: a department reads its own; an account manager those of their
	 * region and those addressed to them; sales administration, sales managers and admins all.
	 */
	public Page<Notification> list(NotificationFilter filter, CurrentUser user, Pageable page) {
		List<Criteria> criteria = new ArrayList<>();
		criteria.add(visibleTo(user));
		if (filter.department() != null) {
			if (user.has(CurrentUser.DEPARTMENT) && !user.seesAllRegions()
					&& filter.department() != ownDepartment(user)) {
				throw new AccessDeniedException("A department reads its own notifications");
			}
			criteria.add(Criteria.where("department").is(filter.department()));
		}
		if (filter.recipient() != null) {
			// "me": the caller's own, whoever they are
			criteria.add(Criteria.where("person")
				.is(NotificationFilter.ME.equals(filter.recipient()) ? user.id() : filter.recipient()));
		}
		if (filter.orderId() != null) {
			criteria.add(Criteria.where("orderId").is(filter.orderId()));
		}
		if (filter.eventType() != null) {
			criteria.add(Criteria.where("eventType").is(filter.eventType()));
		}
		if (filter.status() != null) {
			criteria.add(statusIs(filter.status()));
		}
		if (filter.inbox() != null) {
			criteria.add(inboxIs(filter.inbox()));
		}
		Query query = Query.query(new Criteria().andOperator(criteria)).with(Sort.by("createdAt").descending());
		long total = this.mongo.count(query, Notification.class);
		List<Notification> items = this.mongo.find(query.with(page), Notification.class);
		return new PageImpl<>(items, page, total);
	}

	/** One notification, if the user may read it; another department's or region's answers 404. */
	public Notification get(String id, CurrentUser user) {
		Notification found = this.mongo.findOne(
				Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), visibleTo(user))),
				Notification.class);
		if (found == null) {
			throw new NotFoundException("Notification", id);
		}
		return found;
	}

	/** Marks a notification read in its recipient's inbox (no event: reading is not a commitment). */
	public Notification markRead(String id, CurrentUser user) {
		Notification notification = get(id, user);
		requireRecipient(notification, user, "marks read");
		if (notification.readAt() == null) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("readAt").is(null)),
					new Update().set("readAt", this.clock.instant()), Notification.class);
		}
		return get(id, user);
	}

	/**
	 * The recipient takes the notification in hand. Acknowledging twice changes nothing the second time. Only the
	 * recipient acknowledges (see {@link #requireRecipient}).
	 */
	public Notification acknowledge(String id, CurrentUser user) {
		Notification notification = get(id, user);
		requireRecipient(notification, user, "acknowledges");
		if (notification.acknowledgedAt() != null) {
			return notification;
		}
		Instant now = this.clock.instant();
		Optional<Notification> acknowledged = transition(notification, (n) -> n.acknowledgedAt() == null,
				(n) -> new Update().set("acknowledgedAt", now).set("acknowledgedBy", user.id()),
				(n) -> new NotificationAcknowledged(n.id(), n.eventId(), n.eventType(), n.orderId(), department(n),
						n.person(), user.id(), now));
		acknowledged.ifPresent((n) -> {
			this.meters.counter("chairside.notifications.acknowledged", "type", n.eventType()).increment();
			log.info("{} acknowledged notification {} ({} of order {})", user.id(), id, n.eventType(), n.orderId());
		});
		return acknowledged.orElseGet(() -> get(id, user));
	}

	/**
	 * Names the practice of a notification recorded before this service knew it, with the subject that names it too
	 * (a write by id alone, the practice being no state others hear of, so the revision stays). Returns the
	 * notification as written, or {@code null} when it is gone.
	 */
	public Notification namePractice(String id, String practice, String subject) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
				new Update().set("practice", practice).set("subject", subject),
				FindAndModifyOptions.options().returnNew(true), Notification.class);
	}

	/** The e-mail went out, at the {@code attempts}th attempt. */
	public void markSent(Notification notification, int attempts) {
		Instant now = this.clock.instant();
		transition(notification, (n) -> n.delivery() == Delivery.PENDING,
				(n) -> MailQueue.settled(new Update().set("delivery", Delivery.SENT)
					.set("sentAt", now)
					.set("attempts", attempts)
					.unset("lastError")),
				(n) -> new NotificationSent(n.id(), n.eventId(), n.eventType(), n.orderId(), department(n), n.person(),
						n.channel().name(), now));
	}

	/** The e-mail is given up after {@code attempts} attempts, for {@code reason}. */
	public void markFailed(Notification notification, int attempts, String reason) {
		Instant now = this.clock.instant();
		transition(notification, (n) -> n.delivery() == Delivery.PENDING,
				(n) -> MailQueue.settled(
						new Update().set("delivery", Delivery.FAILED).set("attempts", attempts).set("lastError", reason)),
				(n) -> new NotificationFailed(n.id(), n.eventId(), n.eventType(), n.orderId(), department(n),
						n.person(), n.channel().name(), reason, attempts, now));
	}

	/**
	 * Escalates a notification that is past its deadline and still not acknowledged, once: the condition (not
	 * acknowledged, not escalated) holds for the revision read and the write is conditional on that revision, so of
	 * two replicas racing only one succeeds. Returns whether this call escalated it.
	 */
	public boolean markEscalated(Notification notification, String salesManager) {
		Instant now = this.clock.instant();
		return transition(notification, (n) -> n.overdue(now),
				(n) -> new Update().set("escalatedAt", now).set("escalatedTo", salesManager),
				(n) -> new NotificationEscalated(n.id(), n.eventId(), n.eventType(), n.orderId(), department(n),
						n.person(), salesManager, n.acknowledgeBy(), now))
			.isPresent();
	}

	/**
	 * The deadlines up to {@code horizon} of notifications neither acknowledged nor escalated yet, ids and times only.
	 * A query across {@code notifications}, a collection that only grows, so the escalation job asks it rarely and
	 * keeps the answer.
	 */
	public List<Deadline> deadlinesUpTo(Instant horizon) {
		Query query = Query.query(Criteria.where("acknowledgeBy").lte(horizon)
			.and("acknowledgedAt").is(null).and("escalatedAt").is(null));
		query.fields().include("acknowledgeBy");
		return this.mongo.find(query, Deadline.class, this.mongo.getCollectionName(Notification.class));
	}

	/** Of the notifications named (read by id), those past their deadline and neither acknowledged nor escalated. */
	public List<Notification> overdue(Collection<String> ids) {
		Instant now = this.clock.instant();
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), Notification.class)
			.stream()
			.filter((n) -> n.overdue(now))
			.toList();
	}

	/** When a notification must have been acknowledged. */
	public record Deadline(String id, Instant acknowledgeBy) {
	}

	/**
	 * Applies {@code change} if the notification still meets {@code guard}, staging the event {@code event} builds, in
	 * one write conditional on the revision read; retried when another write came in between. The guard is checked on
	 * the notification as read: every change of a field a guard reads (delivery, acknowledged, escalated) is such a
	 * transition and moves the revision, so an unchanged revision means the guard still holds. The first try takes
	 * {@code known}, the copy the caller read, when it meets the guard (a stale copy only fails the conditional write);
	 * otherwise, and on every retry, it is read by {@code _id}. Written on {@code _id} and {@code revision}
	 * ({@link ConditionalWrites#updateIfAndGet}).
	 */
	private Optional<Notification> transition(Notification known, Predicate<Notification> guard,
			Function<Notification, Update> change, Function<Notification, NotificationEvent> event) {
		String id = known.id();
		Notification[] given = { known };
		return VersionedSave.retry(10, () -> {
			Notification current = given[0];
			given[0] = null;
			if (current == null || !guard.test(current)) {
				current = this.mongo.findById(id, Notification.class);
			}
			if (current == null || !guard.test(current)) {
				return Optional.empty();
			}
			long next = current.revision() + 1;
			Update update = change.apply(current)
				.set("revision", next)
				.push("pendingEvents", this.events.pending("notification", id, next, event.apply(current)));
			Notification after = this.writes.updateIfAndGet(Notification.class, id, "revision", current.revision(),
					update);
			if (after == null) {
				throw new OptimisticLockingFailureException("Notification " + id + " kept changing");
			}
			this.outbox.staged("notifications", id); // an update, not a save: no wake-up of its own
			return Optional.of(after);
		});
	}

	private static String department(Notification notification) {
		return (notification.department() != null) ? notification.department().name() : null;
	}

	private static Criteria visibleTo(CurrentUser user) {
		if (user.seesAllRegions()) {
			return new Criteria();
		}
		if (user.has(CurrentUser.DEPARTMENT)) {
			return Criteria.where("department").is(ownDepartment(user));
		}
		if (user.has(CurrentUser.ACCOUNT_MANAGER)) {
			return new Criteria().orOperator(Criteria.where("person").is(user.id()),
					Criteria.where("region").is(user.region()).and("department").ne(null));
		}
		return Criteria.where("person").is(user.id());
	}

	private static Criteria statusIs(Notification.Status status) {
		return switch (status) {
			case ACKNOWLEDGED -> Criteria.where("acknowledgedAt").ne(null);
			case PENDING, SENT, FAILED -> Criteria.where("acknowledgedAt").is(null).and("delivery").is(status.name());
		};
	}

	private static Criteria inboxIs(Notification.Inbox inbox) {
		return switch (inbox) {
			case ACKNOWLEDGED -> Criteria.where("acknowledgedAt").ne(null);
			case READ -> Criteria.where("acknowledgedAt").is(null).and("readAt").ne(null);
			case UNREAD -> Criteria.where("acknowledgedAt").is(null).and("readAt").is(null);
		};
	}

	/**
	 * Separation of duties: a department's notification is marked read and acknowledged by that department only, a
	 * person's by that person only. Others who may read it (sales administration, managers, admins) still see it, but
	 * an acknowledgement is the department's commitment to act, so nobody gives it on the department's behalf, an
	 * admin included (403).
	 */
	static void requireRecipient(Notification notification, CurrentUser user, String action) {
		boolean recipient = (notification.department() != null)
				? user.has(CurrentUser.DEPARTMENT) && notification.department().name().equals(user.department())
				: user.id().equals(notification.person());
		if (!recipient) {
			throw new AccessDeniedException(((notification.department() != null)
					? "Only " + notification.department() + " " + action + " its notifications"
					: "Only the person a notification is addressed to " + action + " it"));
		}
	}

	private static Department ownDepartment(CurrentUser user) {
		try {
			return Department.valueOf(String.valueOf(user.department()));
		}
		catch (IllegalArgumentException ex) {
			throw new AccessDeniedException("The token names no department");
		}
	}

}
