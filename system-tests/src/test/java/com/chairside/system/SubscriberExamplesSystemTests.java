package com.chairside.system;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.chairside.examples.subscriber.CloudEvent;
import com.chairside.examples.subscriber.Deduplication.Verdict;
import com.chairside.examples.subscriber.EventSubscriber;
import com.chairside.examples.webhook.WebhookReceiver;
import com.chairside.examples.webhook.WebhookSignature;
import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The subscriber examples (the {@code examples} module) against the whole suite, as another team's systems would run
 * them: the plain kafka-clients subscriber reads an order change made through the gateway, with its CloudEvents
 * headers, and drops the same record sent again; the JDK webhook receiver, subscribed through the API, accepts
 * notification-service's signed delivery and refuses it tampered with.
 */
@Order(3)
class SubscriberExamplesSystemTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	static Suite suite;

	static Api manager;

	@BeforeAll
	static void start() {
		suite = Suite.get();
		manager = suite.accountManager("PACIFIC");
	}

	@Test
	void theSubscriberReadsAnOrderChangeWithItsHeadersAndDropsTheSameRecordSentAgain() throws Exception {
		List<CloudEvent> events = new CopyOnWriteArrayList<>();
		List<CloudEvent> duplicates = new CopyOnWriteArrayList<>();
		try (EventSubscriber subscriber = EventSubscriber.start(suite.kafka().address(),
				"example-subscriber-" + UUID.randomUUID(), List.of("chairside.orders"), new EventSubscriber.Listener() {

					@Override
					public void onEvent(CloudEvent event) {
						events.add(event);
					}

					@Override
					public void onDropped(CloudEvent event, Verdict verdict) {
						if (verdict == Verdict.DUPLICATE) {
							duplicates.add(event);
						}
					}

				})) {
			String order = placeOrder("Sequoia Dental Subscribers");
			Api.Response changed = manager.send("PATCH", "/api/orders/" + order, """
					{"reason":"Third operatory","lines":[{"sku":"TC-OS-200","quantity":2}]}""",
					Map.of("If-Match", manager.get("/api/orders/" + order).header("ETag").orElseThrow()));
			assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

			CloudEvent change = await("the change read by the subscriber").atMost(Duration.ofSeconds(30))
				.until(() -> eventOf(events, order, "chairside.order.OrderChanged.v1"), Optional::isPresent)
				.orElseThrow();
			CloudEvent placed = eventOf(events, order, "chairside.order.OrderPlaced.v1").orElseThrow();
			assertThat(change.key()).isEqualTo(order);
			assertThat(change.sequence()).as("newer than the placement's").isGreaterThan(placed.sequence());
			assertThat(UUID.fromString(change.id())).isNotNull();
			assertThat(change.source()).isEqualTo("/chairside/order-service");
			assertThat(change.dataSchema())
				.isEqualTo("https://chairside.example/contracts/events/chairside.order.OrderChanged.v1.schema.json");
			assertThat(change.headers()).containsEntry(CloudEvent.SPEC_VERSION, "1.0")
				.containsEntry(CloudEvent.CONTENT_TYPE, "application/json");
			assertThat(change.time()).isBetween(Instant.now().minusSeconds(60), Instant.now());
			assertThat(JSON.readTree(change.data()).path("orderId").asString()).isEqualTo(order);

			resend(change);
			await("the same record, sent again, dropped").atMost(Duration.ofSeconds(15))
				.until(() -> duplicates.stream().anyMatch((d) -> d.id().equals(change.id())));
			assertThat(events).filteredOn((e) -> e.id().equals(change.id())).hasSize(1);
		}
	}

	@Test
	void theWebhookReceiverAcceptsASignedDeliveryAndRefusesOneTamperedWith() throws Exception {
		String secret = "example-" + UUID.randomUUID();
		List<WebhookReceiver.Delivery> accepted = new CopyOnWriteArrayList<>();
		try (WebhookReceiver receiver = WebhookReceiver.start(new InetSocketAddress("127.0.0.1", 0), "/chairside", secret,
				accepted::add)) {
			Api admin = suite.gateway(suite.token("admin", "ADMIN", null, null));
			Api.Response subscribed = admin.post("/api/webhook-subscriptions", """
					{"department":"LOGISTICS","url":"%s","eventTypes":["OrderCancelled"],"secret":"%s"}"""
				.formatted(receiver.url(), secret));
			assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
			try {
				String order = placeOrder("Redwood Dental Subscribers");
				Api.Response cancelled = manager.post("/api/orders/" + order + "/cancel", """
						{"reason":"Practice postponed the fit-out"}""");
				assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

				WebhookReceiver.Delivery delivery = await("the signed delivery accepted").atMost(Duration.ofSeconds(30))
					.until(() -> accepted.stream().filter((d) -> d.body().contains(order)).findFirst(), Optional::isPresent)
					.orElseThrow();
				JsonNode event = JSON.readTree(delivery.body());
				assertThat(event.path("type").asString()).isEqualTo("chairside.order.OrderCancelled.v1");
				assertThat(event.path("data").path("orderId").asString()).isEqualTo(order);
				assertThat(delivery.deliveryId()).isNotBlank();

				String tampered = delivery.body().replace(order, UUID.randomUUID().toString());
				assertThat(post(receiver.url(), tampered, delivery.signature())).as("the body changed").isEqualTo(401);
				assertThat(post(receiver.url(), delivery.body(), WebhookSignature.sign("guessed", Instant.now(),
						delivery.body().getBytes(StandardCharsets.UTF_8)))).as("signed with another secret").isEqualTo(401);
				assertThat(post(receiver.url(), delivery.body(), null)).as("unsigned").isEqualTo(401);
				assertThat(accepted).noneMatch((d) -> d.body().equals(tampered));
			}
			finally {
				admin.send("DELETE", "/api/webhook-subscriptions/" + subscribed.field("id"), null);
			}
		}
	}

	private static Optional<CloudEvent> eventOf(List<CloudEvent> events, String order, String type) {
		return events.stream().filter((e) -> order.equals(e.subject()) && type.equals(e.type())).findFirst();
	}

	private static String placeOrder(String practice) {
		Api.Response account = manager.post("/api/accounts", """
				{"name":"%s","specialty":"ORAL_SURGERY","city":"Eureka","country":"US"}""".formatted(practice));
		assertThat(account.status()).as(account.toString()).isEqualTo(201);
		Api.Response placed = manager.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-OS-200","quantity":1}],"requestedDeliveryDate":"2027-06-01"}"""
			.formatted(account.field("id")));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		return placed.field("id");
	}

	/** The record as the subscriber read it (key, headers, value), sent again by a plain producer. */
	private static void resend(CloudEvent event) throws Exception {
		Properties settings = new Properties();
		settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafka().address());
		settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		List<Header> headers = event.headers()
			.entrySet()
			.stream()
			.map((h) -> (Header) new RecordHeader(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8)))
			.toList();
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
			producer.send(new ProducerRecord<>(event.topic(), null, event.key(), event.data(), headers)).get();
		}
	}

	private static int post(URI url, String body, String signature) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(5))
			.header("Content-Type", "application/cloudevents+json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (signature != null) {
			request.header(WebhookSignature.HEADER, signature);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
