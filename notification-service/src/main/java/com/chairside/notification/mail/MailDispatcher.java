package com.chairside.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.chairside.notification.accounts.AccountDirectory;
import com.chairside.notification.notification.Delivery;
import com.chairside.notification.notification.MailQueue;
import com.chairside.notification.notification.Notification;
import com.chairside.notification.notification.NotificationManagement;
import com.chairside.notification.notification.NotificationProperties;
import com.chairside.notification.texts.Texts;
import com.chairside.platform.scheduling.ServiceStopping;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends pending notifications by e-mail, as {@code multipart/alternative} (plain text and HTML from
 * {@link MailTemplates}). It takes them from the {@link MailQueue} (the mails still owed, a due time written in each
 * notification), by the due time's index alone: mails are claimed there, up to {@value #BATCH} at a time, each by a
 * write conditional on its being due, before they are sent, so replicas never send the same one together; a claim
 * left by a crashed replica runs out and its mails are sent by another. The batch's notifications are read by id in
 * one query, and each is sent only while it is PENDING and marked SENT right after (one conditional write on the
 * revision read, which also ends what is owed), so a crash leaves at most the mail under way unrecorded. Failures are
 * retried with growing pauses, then marked FAILED; a circuit breaker stops hammering a mail server that is down. Every
 * replica dispatches, each claiming its own batches; a round that ends early (the service stopping, the mail server
 * struggling) gives its untried mails back at once. A rare sweep ({@code chairside.notifications.mail-sweep-interval},
 * and once after start), on one replica per interval (the {@code mail-sweep} scheduler lock), owes again the mail of
 * any PENDING notification that owes none.
 */
@Component
class MailDispatcher {

	private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

	private static final int MAX_ATTEMPTS = 6;

	private static final Duration CLAIM = Duration.ofSeconds(30);

	/**
	 * Mails claimed at once: the claim and the read of their notifications are one store command each for all of
	 * them. Sent in well under half the claim by a working mail server.
	 */
	private static final int BATCH = 25;

	private static final String SWEEP_INTERVAL = "${chairside.notifications.mail-sweep-interval:10m}";

	private final MongoTemplate mongo;

	private final JavaMailSender mail;

	private final NotificationProperties properties;

	private final CircuitBreaker smtp;

	private final MeterRegistry meters;

	private final Clock clock;

	private final MailTemplates templates;

	private final NotificationManagement notifications;

	private final MailQueue queue;

	private final AccountDirectory accounts;

	private final Texts texts;

	private final Duration practiceGrace;

	private final ServiceStopping service;

	MailDispatcher(MongoTemplate mongo, JavaMailSender mail, NotificationProperties properties,
			CircuitBreakerRegistry breakers, MeterRegistry meters, Clock clock, MailTemplates templates,
			NotificationManagement notifications, MailQueue queue, AccountDirectory accounts, Texts texts,
			ServiceStopping service) {
		this.service = service;
		this.accounts = accounts;
		this.texts = texts;
		this.practiceGrace = properties.practiceGrace();
		this.mongo = mongo;
		this.mail = mail;
		this.properties = properties;
		this.smtp = breakers.circuitBreaker("smtp");
		this.meters = meters;
		this.clock = clock;
		this.templates = templates;
		this.notifications = notifications;
		this.queue = queue;
	}

	@Scheduled(fixedDelayString = "${chairside.notifications.dispatch-interval:500ms}")
	void dispatch() {
		boolean more = true;
		while (more && !this.service.stopping()) {
			MailQueue.Batch batch = this.queue.claimDue(this.clock.instant(), CLAIM, BATCH);
			boolean goOn = dispatch(batch);
			more = batch.full() && goOn;
		}
	}

	/**
	 * Mails what {@code batch} claimed, one after the other, each notification read with the others in one query.
	 * Returns whether the round may go on: it ends, giving the rest back untried, when the service stops, the mail
	 * server struggles, or half the claim has run (well before another replica could take the batch's mails).
	 */
	private boolean dispatch(MailQueue.Batch batch) {
		if (batch.owed().isEmpty()) {
			return true; // all due were claimed by another replica in between: the round goes on if more are due
		}
		Map<String, Notification> found = new HashMap<>();
		for (Notification notification : this.mongo.find(
				Query.query(Criteria.where("_id").in(batch.notificationIds())), Notification.class)) {
			found.put(notification.id(), notification);
		}
		Map<String, String> practices = this.accounts.namesOf(found.values()
			.stream()
			.filter(MailDispatcher::awaitsPractice)
			.map(Notification::accountId)
			.collect(Collectors.toSet()));
		Instant giveBack = batch.claimedAt().plus(CLAIM.dividedBy(2));
		List<String> done = new ArrayList<>();
		int next = 0;
		boolean goOn = true;
		try {
			while (next < batch.owed().size()) {
				if (this.service.stopping() || this.clock.instant().isAfter(giveBack)) {
					goOn = false;
					break;
				}
				MailQueue.Owed owed = batch.owed().get(next++);
				Notification notification = found.get(owed.notificationId());
				if (notification == null || notification.delivery() != Delivery.PENDING) {
					done.add(owed.notificationId()); // gone, or sent or given up by a write that left it owed
					continue;
				}
				notification = withPractice(notification, practices);
				if (notification == null) {
					continue; // waits for its practice; put off already
				}
				// The claims are counted since the mail was owed; the attempts, what was recorded of earlier tries
				// (before a sweep owed its mail again, say). Sent or given up, the write that records it ends what
				// is owed; put off, its due time is moved.
				Sending sent = send(notification, Math.max(owed.attempts(), notification.attempts() + 1));
				if (sent != Sending.DONE) {
					goOn = false; // the mail server is struggling: the rest wait for the next round
					break;
				}
			}
		}
		finally {
			// The mail under way when something failed stays claimed, and comes back once its claim runs out. Should
			// the removal fail, the mails come back that way too, and are dropped then, their notifications being no
			// longer PENDING.
			this.queue.remove(done);
			this.queue.release(batch, batch.notificationIds().subList(next, batch.owed().size()));
		}
		return goOn;
	}

	/**
	 * Owes again the mail of PENDING notifications that owe none (and moves the old queue's entries onto their
	 * notifications); a query of notifications by delivery, hence rare.
	 */
	@Scheduled(fixedDelayString = SWEEP_INTERVAL,
			initialDelayString = "${chairside.notifications.mail-sweep-initial-delay:30s}")
	@SchedulerLock(name = "mail-sweep", lockAtLeastFor = SWEEP_INTERVAL, lockAtMostFor = SWEEP_INTERVAL)
	public void sweep() {
		this.queue.sweep(this.clock.instant());
	}

	/** An order's notification recorded before this service knew its account, and so without the practice's name. */
	private static boolean awaitsPractice(Notification notification) {
		return notification.delivery() == Delivery.PENDING && notification.orderNumber() != null
				&& notification.practice() == null && notification.accountId() != null;
	}

	/**
	 * Names the practice in the subject of an order's notification recorded before this service knew the account
	 * (the account's and the order's events travel on different topics, so either may come first), from
	 * {@code practices} (read for the whole batch in one query). While the account is still unknown, the mail waits
	 * up to {@code chairside.notifications.practice-grace} (5s) after the notification was recorded, without counting
	 * an attempt ({@code null}: put off); then it goes out naming the order number alone.
	 */
	private Notification withPractice(Notification notification, Map<String, String> practices) {
		if (!awaitsPractice(notification)) {
			return notification;
		}
		String practice = practices.get(notification.accountId());
		if (practice != null) {
			Notification named = this.notifications.namePractice(notification.id(), practice, this.texts.subject(
					"subjects/with-practice", Map.of("practice", practice, "subject", notification.subject())));
			return (named != null) ? named : notification;
		}
		Instant now = this.clock.instant();
		if (notification.createdAt() != null && notification.createdAt().plus(this.practiceGrace).isAfter(now)) {
			this.queue.retryAt(notification.id(), now.plusSeconds(1), false);
			return null;
		}
		return notification;
	}

	/** Sends the mail of {@code notification}, at its {@code attempts}th attempt, and records how it went. */
	private Sending send(Notification notification, int attempts) {
		try {
			MimeMessage message = message(notification);
			this.smtp.executeRunnable(() -> this.mail.send(message));
			this.notifications.markSent(notification, attempts);
			this.meters.counter("chairside.notifications.sent", "type", notification.eventType()).increment();
			log.debug("Mailed notification {} about {} {}", notification.id(), notification.eventType(),
					notification.eventId());
			return Sending.DONE;
		}
		catch (MailPreparationException ex) {
			// No retry makes a malformed mailbox deliverable: given up at once, and the others go on.
			this.meters.counter("chairside.notifications.failures").increment();
			this.notifications.markFailed(notification, attempts, ex.getMessage());
			// Mailbox addresses stay out of the log (the notification's lastError keeps the reason).
			log.error("Cannot mail notification {} about {} {}: {}", notification.id(), notification.eventType(),
					notification.eventId(), ex.getClass().getSimpleName());
			return Sending.DONE;
		}
		catch (CallNotPermittedException ex) {
			return retryLater(notification, attempts, "SMTP circuit open");
		}
		catch (RuntimeException ex) {
			log.warn("Mail of notification {} for {} failed (attempt {}): {}", notification.id(), notification.eventId(),
					attempts, ex.getClass().getSimpleName());
			return retryLater(notification, attempts, ex.getMessage());
		}
	}

	/** Puts the mail off, the pause growing with its attempts, or gives it up after {@value #MAX_ATTEMPTS}. */
	private Sending retryLater(Notification notification, int attempts, String error) {
		this.meters.counter("chairside.notifications.failures").increment();
		if (attempts >= MAX_ATTEMPTS) {
			this.notifications.markFailed(notification, attempts, error);
			log.error("Giving up mailing notification {} about {} {} after {} attempts", notification.id(),
					notification.eventType(), notification.eventId(), attempts);
			return Sending.GIVEN_UP;
		}
		Instant next = this.clock.instant().plus(Duration.ofSeconds(1L << Math.min(attempts, 8)));
		update(notification,
				new Update().set("nextAttemptAt", next).set("attempts", attempts).set("lastError", error));
		this.queue.retryAt(notification.id(), next, true);
		return Sending.PUT_OFF;
	}

	/** Plain text and HTML as alternatives of one another, so every mail reader shows one of them. */
	private MimeMessage message(Notification notification) {
		try {
			MimeMessage message = this.mail.createMimeMessage();
			message.setFrom(new InternetAddress(this.properties.from()));
			message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(notification.mailbox()));
			message.setSubject(Texts.oneLine(notification.subject()), "UTF-8");
			MimeBodyPart text = new MimeBodyPart();
			text.setText(this.templates.text(notification), "UTF-8", "plain");
			MimeBodyPart html = new MimeBodyPart();
			html.setText(this.templates.html(notification), "UTF-8", "html");
			MimeMultipart alternatives = new MimeMultipart("alternative");
			alternatives.addBodyPart(text);
			alternatives.addBodyPart(html);
			message.setContent(alternatives);
			return message;
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("Cannot write the mail to " + notification.mailbox() + ": "
					+ ex.getMessage(), ex);
		}
	}

	private void update(Notification notification, Update update) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(notification.id())), update, Notification.class);
	}

	/**
	 * How sending a mail ended: done (sent, or given up at once on a malformed mailbox), given up after its last
	 * failure, or put off to be tried again.
	 */
	private enum Sending {

		DONE, GIVEN_UP, PUT_OFF

	}

}
