package com.chairside.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
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
 * {@link MailTemplates}). It takes them from the {@link MailQueue} (the mails still owed, written with the
 * notifications), never by querying {@code notifications}: a mail is claimed there with one atomic find-and-modify
 * before it is sent, so replicas never send the same one together; a claim left by a crashed replica runs out and the
 * mail is sent by another. The notification is read by id and sent only while it is PENDING. Failures are retried with
 * growing pauses, then marked FAILED; a circuit breaker stops hammering a mail server that is down. Every replica
 * dispatches, each mail being claimed on its own. A rare sweep ({@code chairside.notifications.mail-sweep-interval},
 * and once after start), on one replica per interval (the {@code mail-sweep} scheduler lock), owes again the mail of
 * any PENDING notification the queue lacks.
 */
@Component
class MailDispatcher {

	private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

	private static final int MAX_ATTEMPTS = 6;

	private static final Duration CLAIM = Duration.ofSeconds(30);

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
		String id;
		while (!this.service.stopping() && (id = this.queue.claimNext(this.clock.instant(), CLAIM)) != null) {
			if (awaitsPractice(id)) {
				continue;
			}
			Notification next = attempt(id);
			if (next == null) {
				this.queue.remove(id); // sent or given up already (a redelivered event owed it again), or gone
				continue;
			}
			if (!send(next)) {
				return; // the mail server is struggling: the rest wait for the next round
			}
			// Sent or given up. Should this removal fail, the entry comes back once its claim runs out and is dropped
			// then, its notification being no longer PENDING.
			this.queue.remove(id);
		}
	}

	/** Owes again the mail of PENDING notifications that have no queue entry; a scan of notifications, hence rare. */
	@Scheduled(fixedDelayString = SWEEP_INTERVAL,
			initialDelayString = "${chairside.notifications.mail-sweep-initial-delay:30s}")
	@SchedulerLock(name = "mail-sweep", lockAtLeastFor = SWEEP_INTERVAL, lockAtMostFor = SWEEP_INTERVAL)
	public void sweep() {
		this.queue.sweep(this.clock.instant());
	}

	/**
	 * Names the practice in the subject of an order's notification recorded before this service knew the account
	 * (the account's and the order's events travel on different topics, so either may come first). While the account
	 * is still unknown, the mail waits up to {@code chairside.notifications.practice-grace} (5s) after the notification
	 * was recorded, without counting an attempt; then it goes out naming the order number alone.
	 */
	private boolean awaitsPractice(String id) {
		Notification found = this.mongo.findById(id, Notification.class);
		if (found == null || found.delivery() != Delivery.PENDING || found.orderNumber() == null
				|| found.practice() != null || found.accountId() == null) {
			return false;
		}
		Optional<String> practice = this.accounts.nameOf(found.accountId());
		if (practice.isPresent()) {
			this.notifications.namePractice(id, practice.get(), this.texts.subject("subjects/with-practice",
					Map.of("practice", practice.get(), "subject", found.subject())));
			return false;
		}
		Instant now = this.clock.instant();
		if (found.createdAt() != null && found.createdAt().plus(this.practiceGrace).isAfter(now)) {
			this.queue.retryAt(id, now.plusSeconds(1));
			return true;
		}
		return false;
	}

	/**
	 * The notification, its attempt counted, if its mail is still PENDING; otherwise {@code null}. Read and written
	 * by id alone (the store's index serves nothing else); the queue's claim keeps other dispatchers off meanwhile.
	 */
	private Notification attempt(String id) {
		Notification found = this.mongo.findById(id, Notification.class);
		if (found == null || found.delivery() != Delivery.PENDING) {
			return null;
		}
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
				new Update().set("nextAttemptAt", this.clock.instant().plus(CLAIM)).inc("attempts", 1),
				FindAndModifyOptions.options().returnNew(true), Notification.class);
	}

	private boolean send(Notification notification) {
		try {
			MimeMessage message = message(notification);
			this.smtp.executeRunnable(() -> this.mail.send(message));
			this.notifications.markSent(notification);
			this.meters.counter("chairside.notifications.sent", "type", notification.eventType()).increment();
			log.debug("Mailed notification {} about {} {}", notification.id(), notification.eventType(),
					notification.eventId());
			return true;
		}
		catch (MailPreparationException ex) {
			// No retry makes a malformed mailbox deliverable: given up at once, and the others go on.
			this.meters.counter("chairside.notifications.failures").increment();
			this.notifications.markFailed(notification, ex.getMessage());
			// Mailbox addresses stay out of the log (the notification's lastError keeps the reason).
			log.error("Cannot mail notification {} about {} {}: {}", notification.id(), notification.eventType(),
					notification.eventId(), ex.getClass().getSimpleName());
			return true;
		}
		catch (CallNotPermittedException ex) {
			retryLater(notification, "SMTP circuit open");
			return false;
		}
		catch (RuntimeException ex) {
			log.warn("Mail of notification {} for {} failed (attempt {}): {}", notification.id(), notification.eventId(),
					notification.attempts(), ex.getClass().getSimpleName());
			retryLater(notification, ex.getMessage());
			return false;
		}
	}

	private void retryLater(Notification notification, String error) {
		this.meters.counter("chairside.notifications.failures").increment();
		if (notification.attempts() >= MAX_ATTEMPTS) {
			this.notifications.markFailed(notification, error);
			log.error("Giving up mailing notification {} about {} {} after {} attempts", notification.id(),
					notification.eventType(), notification.eventId(), notification.attempts());
			return;
		}
		Instant next = this.clock.instant().plus(Duration.ofSeconds(1L << Math.min(notification.attempts(), 8)));
		update(notification, new Update().set("nextAttemptAt", next).set("lastError", error));
		this.queue.retryAt(notification.id(), next);
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

}
