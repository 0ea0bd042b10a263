package com.chairside.notification.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.chairside.notification.notification.Delivery;
import com.chairside.notification.notification.Department;
import com.chairside.notification.routing.NotifiedEvents;
import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.security.CurrentUser;
import com.chairside.platform.web.InvalidFieldException;
import com.chairside.platform.web.NotFoundException;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Webhook subscriptions of the departments' systems, and the deliveries each event owes them. */
@Service
@EnableConfigurationProperties(WebhookProperties.class)
public class Webhooks {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	private final MongoTemplate mongo;

	private final WebhookProperties properties;

	private final WebhookTargets targets;

	private final CircuitBreakerRegistry breakers;

	private final JsonMapper json;

	private final Clock clock;

	private volatile Subscriptions subscriptions;

	Webhooks(MongoTemplate mongo, WebhookProperties properties, WebhookTargets targets, CircuitBreakerRegistry breakers,
			JsonMapper json, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.targets = targets;
		this.breakers = breakers;
		this.json = json;
		this.clock = clock;
	}

	/** Subscribes a department's system; every field is checked before anything is stored. */
	public Subscription subscribe(SubscriptionRequest request, CurrentUser user) {
		Department department = department(request.department());
		String url = allowedUrl(request.url());
		List<String> eventTypes = eventTypes(request.eventTypes());
		if (request.secret() == null || request.secret().isBlank()) {
			throw new InvalidFieldException("secret", "is required: deliveries are signed with it");
		}
		WebhookSubscription subscription = this.mongo.insert(new WebhookSubscription(UUID.randomUUID().toString(),
				department, url, eventTypes, request.secret(), this.clock.instant(), user.id(), 0, 0, null, null, null));
		this.subscriptions = null;
		// The host only: a URL may carry a credential in its path or query.
		log.info("{} subscribed {} to {} at {}", user.id(), department, eventTypes, URI.create(url).getHost());
		return view(subscription);
	}

	public List<Subscription> list() {
		return this.mongo.find(new Query().with(Sort.by("createdAt")), WebhookSubscription.class)
			.stream()
			.map(this::view)
			.toList();
	}

	public Subscription get(String id) {
		WebhookSubscription subscription = this.mongo.findById(id, WebhookSubscription.class);
		if (subscription == null) {
			throw new NotFoundException("Webhook subscription", id);
		}
		return view(subscription);
	}

	public void unsubscribe(String id) {
		get(id);
		this.mongo.remove(Query.query(Criteria.where("_id").is(id)), WebhookSubscription.class);
		this.subscriptions = null;
	}

	/** The ids of the subscriptions an event of {@code eventName} goes to. */
	public List<String> subscribersOf(String eventName) {
		return subscriptionsOf(eventName).stream().map(WebhookSubscription::id).toList();
	}

	/**
	 * Records one delivery of the event per subscription to its type; a subscription that already has one (a
	 * redelivered event) gets none. The body is the CloudEvent in structured JSON mode.
	 */
	public int enqueue(IncomingEvent event) {
		List<WebhookSubscription> subscriptions = subscriptionsOf(event.name());
		if (subscriptions.isEmpty()) {
			return 0;
		}
		String body = structured(event);
		Instant now = this.clock.instant();
		int recorded = 0;
		for (WebhookSubscription subscription : subscriptions) {
			try {
				this.mongo.insert(new WebhookDelivery(UUID.randomUUID().toString(), subscription.id(),
						subscription.department(), subscription.url(), event.id(), event.name(), orderIdOf(event), body,
						Delivery.PENDING, 0, now, null, null, now, null, null, List.of()));
				recorded++;
			}
			catch (DuplicateKeyException ex) {
				log.debug("{} {} already owed to subscription {}", event.name(), event.id(), subscription.id());
			}
		}
		return recorded;
	}

	/**
	 * The deliveries owed to one subscription, newest first, for its admins and its department; another department
	 * is answered as if the subscription did not exist.
	 */
	public Page<DeliveryView> deliveries(String subscriptionId, CurrentUser user, Pageable page) {
		WebhookSubscription subscription = this.mongo.findById(subscriptionId, WebhookSubscription.class);
		if (subscription == null || (!user.has(CurrentUser.ADMIN)
				&& !subscription.department().name().equals(String.valueOf(user.department())))) {
			throw new NotFoundException("Webhook subscription", subscriptionId);
		}
		Query query = Query.query(Criteria.where("subscriptionId").is(subscriptionId))
			.with(Sort.by(Sort.Direction.DESC, "createdAt"));
		query.fields().exclude("body").exclude("pendingEvents");
		long total = this.mongo.count(query, WebhookDelivery.class);
		List<DeliveryView> items = this.mongo.find(query.with(page), WebhookDelivery.class)
			.stream()
			.map(DeliveryView::of)
			.toList();
		return new PageImpl<>(items, page, total);
	}

	CircuitBreaker circuitOf(String url) {
		return this.breakers.circuitBreaker("webhook:" + url, "webhook");
	}

	/**
	 * The subscriptions to {@code eventName}, from all subscriptions read with one query and kept for
	 * {@code subscriptions-cache-ttl} instead of one query per event; this replica's own changes forget them at once.
	 */
	private List<WebhookSubscription> subscriptionsOf(String eventName) {
		Instant now = this.clock.instant();
		Subscriptions current = this.subscriptions;
		// A clock set back (tests) counts as expired, so what is kept never outlives its ttl.
		if (current == null || now.isBefore(current.readAt())
				|| !now.isBefore(current.readAt().plus(this.properties.subscriptionsCacheTtl()))) {
			current = new Subscriptions(now, this.mongo.findAll(WebhookSubscription.class));
			this.subscriptions = current;
		}
		return current.all().stream().filter((s) -> s.eventTypes().contains(eventName)).toList();
	}

	private record Subscriptions(Instant readAt, List<WebhookSubscription> all) {
	}

	private String structured(IncomingEvent event) {
		ObjectNode cloudEvent = this.json.createObjectNode();
		cloudEvent.put("specversion", "1.0");
		cloudEvent.put("id", event.id());
		cloudEvent.put("source", "/chairside/" + producerOf(event.type()));
		cloudEvent.put("type", event.type());
		cloudEvent.put("subject", event.subject());
		cloudEvent.put("time", event.time().toString());
		cloudEvent.put("datacontenttype", "application/json");
		cloudEvent.put("dataschema", "https://chairside.example/contracts/events/" + event.type() + ".schema.json");
		cloudEvent.put("sequence", String.valueOf(event.sequence()));
		cloudEvent.set("data", event.data());
		return this.json.writeValueAsString(cloudEvent);
	}

	/** The service that owns the aggregate named in the type ({@code chairside.order.…} is order-service's). */
	private static String producerOf(String type) {
		String[] parts = type.split("\\.");
		String aggregate = (parts.length >= 4) ? parts[1] : "unknown";
		return switch (aggregate) {
			case "demo" -> "account-service";
			case "target" -> "lead-service";
			default -> aggregate + "-service";
		};
	}

	private Subscription view(WebhookSubscription s) {
		return new Subscription(s.id(), s.department(), s.url(), s.eventTypes(), s.createdAt(), s.createdBy(),
				s.delivered(), s.failures(), s.lastError(), s.lastFailureAt(), s.lastDeliveredAt(),
				circuitOf(s.url()).getState().name());
	}

	/** Order events are about the order named in their subject. */
	private static String orderIdOf(IncomingEvent event) {
		return event.type().startsWith("chairside.order.") ? event.subject() : null;
	}

	private static Department department(String name) {
		if (name == null || name.isBlank()) {
			throw new InvalidFieldException("department", "is required");
		}
		try {
			return Department.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFieldException("department", "must be one of " + List.of(Department.values()));
		}
	}

	private String allowedUrl(String url) {
		if (url == null || url.isBlank()) {
			throw new InvalidFieldException("url", "is required");
		}
		String refusal = this.targets.refusalToSubscribe(url);
		if (refusal != null) {
			throw new InvalidFieldException("url", refusal);
		}
		return URI.create(url).toString();
	}

	private static List<String> eventTypes(List<String> requested) {
		if (requested == null || requested.isEmpty()) {
			throw new InvalidFieldException("eventTypes", "must name at least one event");
		}
		Set<String> names = new LinkedHashSet<>();
		for (String type : requested) {
			String name = NotifiedEvents.nameOf(type);
			if (name == null || !NotifiedEvents.NAMES.contains(name)) {
				throw new InvalidFieldException("eventTypes", type + " is not one of " + NotifiedEvents.NAMES);
			}
			names.add(name);
		}
		return new ArrayList<>(names);
	}

	/**
	 * One delivery as its subscription's readers see it: {@code status} {@code PENDING}, {@code SENT} or
	 * {@code FAILED} (given up, {@code lastError} says why), the attempts made so far.
	 */
	public record DeliveryView(String deliveryId, String eventId, String eventType, String orderId, Delivery status,
			int attempts, String lastError, Instant lastAttemptAt, Instant deliveredAt) {

		static DeliveryView of(WebhookDelivery d) {
			return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.orderId(), d.status(), d.attempts(),
					d.lastError(), d.lastAttemptAt(), d.sentAt());
		}

	}

	/**
	 * A subscription as admins read it, without its secret: how many deliveries went through, how many attempts
	 * failed, the last error, and the state of its endpoint's circuit ({@code CLOSED}, {@code OPEN}, ...).
	 */
	public record Subscription(String id, Department department, String url, List<String> eventTypes,
			Instant createdAt, String createdBy, long delivered, long failures, String lastError,
			Instant lastFailureAt, Instant lastDeliveredAt, String circuit) {
	}

}
