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
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.chairside.notification.notification.Delivery;
import com.chairside.notification.notification.Notification;
import com.chairside.notification.notification.NotificationProperties;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends pending notifications by e-mail. A notification is claimed with one atomic find-and-modify before it is sent,
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

	MailDispatcher(MongoTemplate mongo, JavaMailSender mail, NotificationProperties properties,
			CircuitBreakerRegistry breakers, MeterRegistry meters, Clock clock) {
		this.mongo = mongo;
		this.mail = mail;
		this.properties = properties;
		this.smtp = breakers.circuitBreaker("smtp");
		this.meters = meters;
		this.clock = clock;
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
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.from());
		message.setTo(notification.recipient());
		message.setSubject("[Chairside] " + notification.subject());
		message.setText(notification.body());
		try {
			this.smtp.executeRunnable(() -> this.mail.send(message));
			update(notification, new Update().set("delivery", Delivery.SENT).set("sentAt", this.clock.instant()));
			this.meters.counter("chairside.notifications.sent", "department", notification.department().name()).increment();
			log.info("Mailed {} ({}) about {} of order {}", notification.department(), notification.recipient(),
					notification.eventType(), notification.orderId());
			return true;
		}
		catch (CallNotPermittedException ex) {
			retryLater(notification, "SMTP circuit open");
			return false;
		}
		catch (RuntimeException ex) {
			log.warn("Mail to {} for {} failed (attempt {}): {}", notification.recipient(), notification.orderId(),
					notification.attempts(), ex.toString());
			retryLater(notification, ex.getMessage());
			return false;
		}
	}

	private void retryLater(Notification notification, String error) {
		this.meters.counter("chairside.notifications.failures").increment();
		if (notification.attempts() >= MAX_ATTEMPTS) {
			update(notification, new Update().set("delivery", Delivery.FAILED).set("lastError", error));
			log.error("Giving up mailing {} about order {} after {} attempts", notification.recipient(),
					notification.orderId(), notification.attempts());
			return;
		}
		Duration pause = Duration.ofSeconds(1L << Math.min(notification.attempts(), 8));
		update(notification, new Update().set("nextAttemptAt", this.clock.instant().plus(pause)).set("lastError", error));
	}

	private void update(Notification notification, Update update) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(notification.id())), update, Notification.class);
	}

}
