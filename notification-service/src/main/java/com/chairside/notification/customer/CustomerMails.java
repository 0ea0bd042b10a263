package com.chairside.notification.customer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.inbox.PoisonMessageException;
import com.chairside.platform.outbox.EventFactory;
import com.chairside.platform.outbox.OutboxRelay;
import com.chairside.platform.persistence.ConditionalWrites;

import tools.jackson.databind.json.JsonMapper;

/**
 * The mails owed to practices: recorded from {@code OrderConfirmed} and {@code DeliveryCommitmentChanged} (one per
 * event, a redelivery records nothing new), and the recipients they go to, from {@code OrderMailRecipientChanged}.
 * Every change of a mail's state is one write conditional on its revision; the one that sends it also stages
 * {@code CustomerMailSent}.
 */
@Component
public class CustomerMails {

	private static final Logger log = LoggerFactory.getLogger(CustomerMails.class);

	/** The order events a practice is mailed about. */
	public static final Set<String> ORDER_EVENTS = Set.of("OrderConfirmed", "DeliveryCommitmentChanged");

	/** The account event naming the order-mail recipient. */
	public static final String RECIPIENT_EVENT = "OrderMailRecipientChanged";

	static final String COLLECTION = "customer_mails";

	private final MongoTemplate mongo;

	private final ConditionalWrites writes;

	private final EventFactory events;

	private final OutboxRelay outbox;

	private final Clock clock;

	CustomerMails(MongoTemplate mongo, ConditionalWrites writes, EventFactory events, OutboxRelay outbox, Clock clock) {
		this.mongo = mongo;
		this.writes = writes;
		this.events = events;
		this.outbox = outbox;
		this.clock = clock;
	}

	/** Owes the practice a mail about {@code event}, an {@code OrderConfirmed} or {@code DeliveryCommitmentChanged}. */
	public void orderEvent(IncomingEvent event, JsonMapper json) {
		if (!ORDER_EVENTS.contains(event.name())) {
			return;
		}
		OrderFacts facts = event.dataAs(OrderFacts.class, json);
		if (facts.orderId() == null || facts.accountId() == null) {
			throw new PoisonMessageException(event.type() + " " + event.id() + " lacks orderId or accountId");
		}
		boolean confirmed = event.name().equals("OrderConfirmed");
		Instant now = this.clock.instant();
		CustomerMail mail = new CustomerMail(CustomerMail.idOf(event.id()), event.id(),
				confirmed ? CustomerMailKind.ORDER_CONFIRMED : CustomerMailKind.DELIVERY_DATE_CHANGED,
				facts.accountId(), facts.orderId(), facts.orderNumber(),
				confirmed ? facts.committedDeliveryDate() : facts.after(), confirmed ? null : facts.before(),
				confirmed ? null : facts.reason(), now, CustomerMailStatus.PENDING, 0, now, null, null, null, null, 0,
				List.of());
		try {
			this.mongo.insert(mail);
			log.debug("Practice of account {} owed a {} mail for {}", facts.accountId(), mail.kind(), event.id());
		}
		catch (DuplicateKeyException ex) {
			log.debug("{} {} already owes its practice mail", event.name(), event.id());
		}
	}

	/** Applies an {@code OrderMailRecipientChanged} if it is newer than what is known of the account. */
	public void recipientChanged(IncomingEvent event, JsonMapper json) {
		RecipientFacts facts = event.dataAs(RecipientFacts.class, json);
		String accountId = (facts.accountId() != null) ? facts.accountId() : event.subject();
		Update update = new Update().set("sequence", event.sequence())
			.set("email", blankToNull(facts.email()))
			.set("language", Languages.supported(facts.language()));
		if (!this.writes.ifNewer(CustomerRecipient.class, accountId, event.sequence()).orUpsert().apply(update)) {
			log.debug("Recipient of account {}: seq {} is not newer, ignored", accountId, event.sequence());
		}
	}

	/** The order-mail recipient of the account, when account-service has named one (its e-mail may be null). */
	Optional<CustomerRecipient> recipientOf(String accountId) {
		return Optional.ofNullable(this.mongo.findById(accountId, CustomerRecipient.class));
	}

	/**
	 * Claims the next mail due at {@code now} until {@code now + claim}, counting an attempt, so no other replica
	 * sends it meanwhile; a claim left by a crashed replica runs out. The filter scans {@code customer_mails}.
	 */
	Optional<CustomerMail> claimNext(Instant now, java.time.Duration claim) {
		return Optional.ofNullable(this.mongo.findAndModify(
				Query.query(Criteria.where("status").is(CustomerMailStatus.PENDING).and("nextAttemptAt").lte(now)),
				new Update().set("nextAttemptAt", now.plus(claim)).inc("attempts", 1),
				FindAndModifyOptions.options().returnNew(true), CustomerMail.class));
	}

	void retryAt(CustomerMail mail, Instant due, String error) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(mail.id())),
				new Update().set("nextAttemptAt", due).set("lastError", error), CustomerMail.class);
	}

	/** Nobody at the practice may be mailed: recorded, no event. */
	void skip(CustomerMail mail, String reason) {
		this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(mail.id()).and("status").is(CustomerMailStatus.PENDING)),
				new Update().set("status", CustomerMailStatus.SKIPPED).set("lastError", reason), CustomerMail.class);
		log.info("Customer mail {} for order {} skipped: {}", mail.id(), mail.orderNumber(), reason);
	}

	/** Sent: the state and its {@code CustomerMailSent} are written together. */
	void markSent(CustomerMail mail, String language, String to, String subject) {
		Instant now = this.clock.instant();
		long next = mail.revision() + 1;
		CustomerMailSent sent = new CustomerMailSent(mail.id(), mail.accountId(), mail.orderId(), mail.orderNumber(),
				mail.kind().name(), language, Addresses.masked(to), subject, mail.eventId(), now);
		CustomerMail after = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(mail.id()).and("status").is(CustomerMailStatus.PENDING)),
				new Update().set("status", CustomerMailStatus.SENT)
					.set("sentAt", now)
					.set("language", language)
					.set("subject", subject)
					.unset("lastError")
					.set("revision", next)
					.push("pendingEvents", this.events.pending("notification", mail.id(), next, sent)),
				FindAndModifyOptions.options().returnNew(true), CustomerMail.class);
		if (after != null) {
			this.outbox.staged(COLLECTION, mail.id());
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** The fields of OrderConfirmed and DeliveryCommitmentChanged read here. */
	record OrderFacts(String orderId, String orderNumber, String accountId, LocalDate committedDeliveryDate,
			LocalDate before, LocalDate after, String reason) {
	}

	/** The fields of OrderMailRecipientChanged read here. */
	record RecipientFacts(String accountId, String email, String language) {
	}

}
