package com.chairside.notification.customer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.chairside.notification.notification.NotificationProperties;
import com.chairside.platform.outbox.OutboxSource;
import com.chairside.platform.scheduling.ServiceStopping;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends the mails owed to practices: the recipient and language as account-service last named them, the order form
 * fetched from order-service in that language and attached as {@code <order number>.pdf}. A mail is claimed with one
 * atomic find-and-modify before it is sent, so replicas never send it together. Nothing is given up on a failure
 * (order-service or the mail server down): the mail waits, with pauses growing to
 * {@code chairside.notifications.customer.max-backoff}, because a practice must hear of its order. A mail whose
 * account has not named a recipient within {@code chairside.notifications.customer.recipient-grace} (account and
 * order events travel on different topics), or whose recipient opted out, is SKIPPED.
 */
@Component
class CustomerMailer {

	private static final Logger log = LoggerFactory.getLogger(CustomerMailer.class);

	private static final Duration CLAIM = Duration.ofSeconds(60);

	private final CustomerMails mails;

	private final OrderForms forms;

	private final CustomerMailTexts texts;

	private final JavaMailSender sender;

	private final NotificationProperties properties;

	private final CircuitBreaker smtp;

	private final MeterRegistry meters;

	private final Clock clock;

	private final Duration recipientGrace;

	private final Duration maxBackoff;

	private final ServiceStopping service;

	CustomerMailer(CustomerMails mails, OrderForms forms, CustomerMailTexts texts, JavaMailSender sender,
			NotificationProperties properties, CustomerMailProperties settings, CircuitBreakerRegistry breakers,
			MeterRegistry meters, Clock clock, ServiceStopping service) {
		this.service = service;
		this.mails = mails;
		this.forms = forms;
		this.texts = texts;
		this.sender = sender;
		this.properties = properties;
		this.smtp = breakers.circuitBreaker("smtp");
		this.meters = meters;
		this.clock = clock;
		this.recipientGrace = settings.recipientGrace();
		this.maxBackoff = settings.maxBackoff();
	}

	@Scheduled(fixedDelayString = "${chairside.notifications.customer.dispatch-interval:1s}")
	void dispatch() {
		Optional<CustomerMail> next;
		while (!this.service.stopping() && (next = this.mails.claimNext(this.clock.instant(), CLAIM)).isPresent()) {
			if (!send(next.get())) {
				return; // order-service or the mail server is struggling: the rest wait for the next round
			}
		}
	}

	/** Whether the next mail may be tried in this round. */
	private boolean send(CustomerMail mail) {
		Instant now = this.clock.instant();
		Optional<CustomerRecipient> recipient = this.mails.recipientOf(mail.accountId());
		if (recipient.isEmpty()) {
			if (mail.createdAt().plus(this.recipientGrace).isAfter(now)) {
				this.mails.retryAt(mail, now.plusSeconds(1), "recipient not known yet");
			}
			else {
				this.mails.skip(mail, "the account names no order-mail recipient");
			}
			return true;
		}
		if (recipient.get().email() == null) {
			this.mails.skip(mail, "no order-mail recipient (opted out or no address)");
			return true;
		}
		String language = Languages.supported(recipient.get().language());
		String to = recipient.get().email();
		try {
			String subject = this.texts.subject(mail, language);
			byte[] form = this.forms.fetch(mail.orderId(), language);
			MimeMessage message = message(mail, language, to, subject, form);
			this.smtp.executeRunnable(() -> this.sender.send(message));
			this.mails.markSent(mail, language, to, subject);
			this.meters.counter("chairside.customer-mails.sent", "kind", mail.kind().name()).increment();
			return true;
		}
		catch (MailPreparationException ex) {
			// A malformed address is not made deliverable by waiting: skipped, the address stays out of the log.
			this.mails.skip(mail, "the recipient's address cannot be mailed");
			return true;
		}
		catch (RuntimeException ex) {
			Duration pause = Duration.ofSeconds(1L << Math.min(mail.attempts(), 20));
			Instant due = now.plus((pause.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : pause);
			this.mails.retryAt(mail, due, ex.getClass().getSimpleName() + ": " + ex.getMessage());
			this.meters.counter("chairside.customer-mails.failures").increment();
			log.warn("Customer mail {} for order {} failed (attempt {}), again at {}: {}", mail.id(),
					mail.orderNumber(), mail.attempts(), due, ex.getClass().getSimpleName());
			return false;
		}
	}

	/** Plain text and HTML as alternatives, and the order form attached. */
	private MimeMessage message(CustomerMail mail, String language, String to, String subject, byte[] form) {
		try {
			MimeMessage message = this.sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.properties.from());
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(this.texts.text(mail, language, subject), this.texts.html(mail, language, subject));
			String number = (mail.orderNumber() != null) ? mail.orderNumber() : mail.orderId();
			helper.addAttachment(number + ".pdf", new ByteArrayResource(form), "application/pdf");
			return message;
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("Cannot write the customer mail " + mail.id(), ex);
		}
	}

	/** Customer mails' events leave from {@code customer_mails} to {@code chairside.notifications}. */
	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class CustomerMailOutbox {

		@Bean
		OutboxSource customerMailEvents() {
			return new OutboxSource(CustomerMails.COLLECTION, "chairside.notifications");
		}

	}

}
