package com.chairside.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

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

import com.chairside.notification.notification.Delivery;
import com.chairside.notification.notification.Notification;
import com.chairside.notification.notification.NotificationManagement;
import com.chairside.notification.notification.NotificationProperties;

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
 * {@link MailTemplates}). A notification is claimed with one atomic find-and-modify before it is sent,
 * so replicas never send the same one together; a claim left by a crashed replica runs out and the mail is sent by
 * another. Failures are retried with growing pauses, then marked FAILED; a circuit breaker stops hammering a mail
 * server that is down.
 */
@Component
class MailDispatcher {

	private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

	private static final int MAX_ATTEMPTS = 6;

	private static final Duration CLAIM = Duration.ofSeconds(30);

	private final MongoTemplate mongo;

	private final JavaMailSender mail;

	private final NotificationProperties properties;

	private final CircuitBreaker smtp;

	private final MeterRegistry meters;

	private final Clock clock;

	private final MailTemplates templates;

	private final NotificationManagement notifications;

	MailDispatcher(MongoTemplate mongo, JavaMailSender mail, NotificationProperties properties,
			CircuitBreakerRegistry breakers, MeterRegistry meters, Clock clock, MailTemplates templates,
			NotificationManagement notifications) {
		this.mongo = mongo;
		this.mail = mail;
		this.properties = properties;
		this.smtp = breakers.circuitBreaker("smtp");
		this.meters = meters;
		this.clock = clock;
		this.templates = templates;
		this.notifications = notifications;
	}

	@Scheduled(fixedDelayString = "${chairside.notification.dispatch-interval:500ms}")
	void dispatch() {
		Notification next;
		while ((next = claimNext()) != null) {
			if (!send(next)) {
				return; // the mail server is struggling: the rest wait for the next round
			}
		}
	}

	private Notification claimNext() {
		Instant now = this.clock.instant();
		Query due = Query.query(Criteria.where("delivery").is(Delivery.PENDING).and("nextAttemptAt").lte(now))
			.limit(1);
		return this.mongo.findAndModify(due, new Update().set("nextAttemptAt", now.plus(CLAIM)).inc("attempts", 1),
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
		Duration pause = Duration.ofSeconds(1L << Math.min(notification.attempts(), 8));
		update(notification, new Update().set("nextAttemptAt", this.clock.instant().plus(pause)).set("lastError", error));
	}

	/** Plain text and HTML as alternatives of one another, so every mail reader shows one of them. */
	private MimeMessage message(Notification notification) {
		try {
			MimeMessage message = this.mail.createMimeMessage();
			message.setFrom(new InternetAddress(this.properties.from()));
			message.setRecipient(jakarta.mail.Message.RecipientType.TO, new InternetAddress(notification.mailbox()));
			message.setSubject("[Chairside] " + notification.subject(), "UTF-8");
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
