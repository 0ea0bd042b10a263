package com.chairside.notification.webhook;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.chairside.notification.notification.Channel;
import com.chairside.notification.notification.Delivery;
import com.chairside.notification.notification.NotificationFailed;
import com.chairside.platform.outbox.EventFactory;
import com.chairside.platform.outbox.OutboxRelay;
import com.chairside.platform.scheduling.ServiceStopping;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * POSTs the deliveries that are due, each claimed first with one atomic find-and-modify (so replicas never send the
 * same one together; a claim left by a crashed replica runs out). Each endpoint has its own circuit breaker: while a
 * dead endpoint's circuit is open its deliveries wait without a request, so it slows neither the others nor the
 * mail, which has its own schedule. A failed attempt is retried after a pause that doubles each time, until
 * {@code max-attempts}, or until a delivery has waited {@code give-up-after} behind an open circuit; then it is
 * FAILED with its reason and {@code NotificationFailed} is published. The subscription counts failures and keeps the
 * last error. Before each attempt the URL is checked against the allow-list and address rules again, and the request
 * connects only to addresses the {@link WebhookTargets#resolver() checked resolver} answered; a delivery refused by
 * either is given up at once. Redirects are never followed: a 3xx answer is a failed attempt.
 */
@Component
class WebhookDispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private static final Duration CLAIM = Duration.ofSeconds(30);

	private final MongoTemplate mongo;

	private final Webhooks webhooks;

	private final WebhookProperties properties;

	private final WebhookTargets targets;

	private final MeterRegistry meters;

	private final Clock clock;

	private final CloseableHttpClient http;

	private final EventFactory events;

	private final OutboxRelay outbox;

	private final ServiceStopping service;

	WebhookDispatcher(MongoTemplate mongo, Webhooks webhooks, WebhookProperties properties, WebhookTargets targets,
			MeterRegistry meters, Clock clock, EventFactory events, OutboxRelay outbox, ServiceStopping service) {
		this.service = service;
		this.outbox = outbox;
		this.mongo = mongo;
		this.events = events;
		this.webhooks = webhooks;
		this.properties = properties;
		this.targets = targets;
		this.meters = meters;
		this.clock = clock;
		// No proxy, cookies, retries or redirects; every connection goes to an address the checked resolver answered.
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(targets.resolver())
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.of(properties.connectTimeout()))
					.setSocketTimeout(Timeout.of(properties.requestTimeout()))
					.build())
				.build())
			.setDefaultRequestConfig(
					RequestConfig.custom().setResponseTimeout(Timeout.of(properties.requestTimeout())).build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.build();
	}

	@Override
	public void destroy() throws IOException {
		this.http.close();
	}

	@Scheduled(fixedDelayString = "${chairside.notifications.webhooks.dispatch-interval:500ms}")
	void dispatch() {
		WebhookDelivery next;
		int round = 0;
		while (round++ < 200 && !this.service.stopping() && (next = claimNext()) != null) {
			deliver(next);
		}
	}

	private WebhookDelivery claimNext() {
		Instant now = this.clock.instant();
		Query due = Query.query(Criteria.where("status").is(Delivery.PENDING).and("nextAttemptAt").lte(now))
			.with(Sort.by("nextAttemptAt"))
			.limit(1);
		return this.mongo.findAndModify(due, new Update().set("nextAttemptAt", now.plus(CLAIM)).inc("attempts", 1),
				FindAndModifyOptions.options().returnNew(true), WebhookDelivery.class);
	}

	private void deliver(WebhookDelivery delivery) {
		WebhookSubscription subscription = this.mongo.findById(delivery.subscriptionId(), WebhookSubscription.class);
		if (subscription == null) {
			giveUp(delivery, "unsubscribed", delivery.attempts() - 1);
			return;
		}
		String refusal = this.targets.refusal(delivery.url());
		if (refusal != null) {
			// The allow-list or the address rules changed since the subscription was made: nothing goes there any more.
			giveUp(delivery, "refused: url " + refusal, delivery.attempts() - 1);
			return;
		}
		CircuitBreaker circuit = this.webhooks.circuitOf(delivery.url());
		Instant attemptedAt = this.clock.instant();
		try {
			circuit.executeCheckedSupplier(() -> post(delivery, subscription.secret()));
			Instant now = this.clock.instant();
			update(delivery, new Update().set("status", Delivery.SENT)
				.set("sentAt", now)
				.set("lastAttemptAt", attemptedAt)
				.unset("lastError"));
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(subscription.id())),
					new Update().inc("delivered", 1).set("lastDeliveredAt", now), WebhookSubscription.class);
			this.meters.counter("chairside.webhooks.delivered", "department", subscription.department().name())
				.increment();
			log.debug("Delivered {} {} to {} ({}), attempt {}", delivery.eventType(), delivery.eventId(),
					subscription.department(), delivery.url(), delivery.attempts());
		}
		catch (CallNotPermittedException ex) {
			this.meters.counter("chairside.webhooks.short-circuited").increment();
			if (!attemptedAt.isBefore(delivery.createdAt().plus(this.properties.giveUpAfter()))) {
				giveUp(delivery, "circuit open", delivery.attempts() - 1);
				return;
			}
			// Not an attempt: nothing was sent. The delivery waits for the circuit to let calls through again.
			update(delivery, new Update().inc("attempts", -1)
				.set("nextAttemptAt", this.clock.instant().plus(this.properties.openCircuitPause()))
				.set("lastError", "circuit open"));
		}
		catch (WebhookTargets.RefusedAddressException ex) {
			giveUp(delivery, "refused: " + ex.getMessage(), delivery.attempts() - 1); // nothing was sent
		}
		catch (Throwable ex) {
			failed(delivery, subscription, ex, attemptedAt);
		}
	}

	private int post(WebhookDelivery delivery, String secret) throws IOException {
		long now = this.clock.instant().getEpochSecond();
		HttpPost request = new HttpPost(URI.create(delivery.url()));
		request.setHeader(WebhookSignature.HEADER, WebhookSignature.of(secret, now, delivery.body()));
		request.setHeader("Chairside-Delivery-Id", delivery.id());
		request.setEntity(new StringEntity(delivery.body(),
				ContentType.create("application/cloudevents+json", StandardCharsets.UTF_8)));
		int status;
		// The answer's body is never read: closing the response drops the connection if one was sent.
		try (ClassicHttpResponse response = this.http.executeOpen(null, request, null)) {
			status = response.getCode();
		}
		if (status < 200 || status >= 300) {
			throw new IOException("HTTP " + status);
		}
		return status;
	}

	private void failed(WebhookDelivery delivery, WebhookSubscription subscription, Throwable ex, Instant attemptedAt) {
		String error = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		Instant now = this.clock.instant();
		this.meters.counter("chairside.webhooks.failures", "department", subscription.department().name())
			.increment();
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(subscription.id())),
				new Update().inc("failures", 1).set("lastError", error).set("lastFailureAt", now),
				WebhookSubscription.class);
		update(delivery, new Update().set("lastAttemptAt", attemptedAt).set("lastError", error));
		if (delivery.attempts() >= this.properties.maxAttempts()) {
			giveUp(delivery, error, delivery.attempts());
			return;
		}
		Duration pause = this.properties.retryBackoff().multipliedBy(1L << Math.min(delivery.attempts() - 1, 10));
		update(delivery, new Update().set("nextAttemptAt", now.plus(pause)));
		log.warn("Delivering {} {} to {} failed (attempt {}), next in {}: {}", delivery.eventType(), delivery.eventId(),
				delivery.url(), delivery.attempts(), pause, error);
	}

	/**
	 * Gives the delivery up for {@code reason} after {@code attempts} requests: FAILED with the reason kept, and
	 * {@code NotificationFailed} (channel WEBHOOK) staged in the same write, which only a pending delivery takes.
	 */
	private void giveUp(WebhookDelivery delivery, String reason, int attempts) {
		Instant now = this.clock.instant();
		NotificationFailed failed = new NotificationFailed(delivery.id(), delivery.eventId(), delivery.eventType(),
				delivery.orderId(), (delivery.department() != null) ? delivery.department().name() : null, null,
				Channel.WEBHOOK.name(), reason, attempts, now);
		long given = this.mongo.updateFirst(
				Query.query(Criteria.where("_id").is(delivery.id()).and("status").is(Delivery.PENDING)),
				new Update().set("status", Delivery.FAILED)
					.set("attempts", attempts) // the claim counted one more when no request followed
					.set("lastError", reason)
					.set("failedAt", now)
					.push("pendingEvents", this.events.pending("notification", delivery.id(), 1, failed)),
				WebhookDelivery.class)
			.getModifiedCount();
		if (given == 1) {
			this.outbox.staged("webhook_deliveries", delivery.id()); // an update, not a save: no wake-up of its own
			this.meters.counter("chairside.webhooks.given-up").increment();
			log.error("Giving up delivering {} {} to {} after {} attempts: {}", delivery.eventType(),
					delivery.eventId(), delivery.url(), attempts, reason);
		}
	}

	private void update(WebhookDelivery delivery, Update update) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(delivery.id())), update, WebhookDelivery.class);
	}

}
