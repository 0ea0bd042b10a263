package com.chairside.notification.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.notification.NotificationServiceTest;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks to a real HTTP receiver on a loopback port: signed, retried with the same delivery id, a dead endpoint cut
 * off by its own circuit while mail and the other endpoints go on, deliveries given up (attempts exhausted, or a day
 * behind an open circuit) as FAILED with NotificationFailed, each subscription's deliveries listed for admins and its
 * department, redirects answered but never followed, and subscription URLs held to loopback and the allow-list as in
 * the embedded default ({@link WebhookAddressIntegrationTests}: outside it).
 */
@NotificationServiceTest
class WebhookIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SECRET = "whsec-finance-test";

	private static HttpServer receiver;

	private static final List<Request> received = new CopyOnWriteArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	Api admin;

	/** One request as the receiver saw it. */
	record Request(String path, String contentType, String signature, String deliveryId, String body, int answered) {

		String eventId() {
			return JSON.readTree(this.body).path("id").asString();
		}

	}

	@BeforeAll
	static void startReceiver() throws IOException {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		Map<String, AtomicInteger> flakyCalls = new ConcurrentHashMap<>();
		receiver.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			String delivery = String.valueOf(exchange.getRequestHeaders().getFirst("Chairside-Delivery-Id"));
			int status = path.startsWith("/dead") ? 503 : path.startsWith("/flaky")
					? ((flakyCalls.computeIfAbsent(delivery, (d) -> new AtomicInteger()).incrementAndGet() <= 2) ? 500 : 204)
					: 204;
			if (path.startsWith("/moved")) {
				exchange.getResponseHeaders().add("Location", "/redirected" + path);
				status = 307;
			}
			answer(exchange, path, status);
		});
		receiver.start();
	}

	private static void answer(HttpExchange exchange, String path, int status) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		received.add(new Request(path, exchange.getRequestHeaders().getFirst("Content-Type"),
				exchange.getRequestHeaders().getFirst("Chairside-Signature"),
				exchange.getRequestHeaders().getFirst("Chairside-Delivery-Id"), body, status));
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.stop(0);
	}

	@BeforeEach
	void signIn() {
		this.admin = Api.local(this.port, Infrastructure.get().token("the.admin", "ADMIN", null));
	}

	private String subscribe(String path) {
		Api.Response created = this.admin.post("/api/webhook-subscriptions",
				"{\"department\":\"FINANCE\",\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + path
						+ "\",\"eventTypes\":[\"OrderCancelled\"],\"secret\":\"" + SECRET + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asString();
	}

	private JsonNode subscription(String id) {
		return this.admin.get("/api/webhook-subscriptions/" + id).json();
	}

	private static String cancel(String orderId, String ceId) {
		kafka.sendCloudEvent("chairside.orders", orderId, ceId, "chairside.order.OrderCancelled.v1", 4,
				Contracts.example("chairside.order.OrderCancelled.v1", "orderId", orderId));
		return ceId;
	}

	private static List<Request> requestsFor(String path, String eventId) {
		return received.stream().filter((r) -> r.path().equals(path) && r.eventId().equals(eventId)).toList();
	}

	@Test
	void anEndpointThatFailsTwiceGetsTheEventOnceMoreSignedUnderTheSameDeliveryId() throws IOException {
		String path = "/flaky-" + UUID.randomUUID();
		String id = subscribe(path);
		try {
			String orderId = UUID.randomUUID().toString();
			String eventId = cancel(orderId, UUID.randomUUID().toString());

			await().until(() -> requestsFor(path, eventId).size() == 3);
			cancel(orderId, eventId); // redelivered: owes the endpoint nothing more
			await().during(Duration.ofSeconds(1)).until(() -> requestsFor(path, eventId).size() == 3);

			List<Request> requests = requestsFor(path, eventId);
			assertThat(requests).extracting(Request::answered).containsExactly(500, 500, 204);
			assertThat(requests).extracting(Request::deliveryId).doesNotContainNull().containsOnly(requests.get(0).deliveryId());
			for (Request request : requests) {
				assertThat(request.contentType()).startsWith("application/cloudevents+json");
				String[] parts = request.signature().split(",");
				String t = parts[0].substring("t=".length());
				assertThat(parts[1]).isEqualTo("v1=" + WebhookSignature.hmac(SECRET, t + "." + request.body()));
				assertThat(Long.parseLong(t)).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(600L));
			}
			JsonNode cloudEvent = JSON.readTree(requests.get(2).body());
			assertThat(cloudEvent.path("specversion").asString()).isEqualTo("1.0");
			assertThat(cloudEvent.path("type").asString()).isEqualTo("chairside.order.OrderCancelled.v1");
			assertThat(cloudEvent.path("source").asString()).isEqualTo("/chairside/order-service");
			assertThat(cloudEvent.path("subject").asString()).isEqualTo(orderId);
			assertThat(cloudEvent.path("data").path("orderId").asString()).isEqualTo(orderId);

			await().until(() -> subscription(id).path("delivered").asInt() >= 1);
			assertThat(subscription(id).path("failures").asInt()).isEqualTo(2);
			assertThat(subscription(id).path("lastError").asString()).isEqualTo("HTTP 500");
			assertThat(subscription(id).has("secret")).isFalse();
		}
		finally {
			this.admin.send("DELETE", "/api/webhook-subscriptions/" + id, null);
		}
	}

	@Test
	void aDeadEndpointOpensItsCircuitWhileMailAndTheOtherEndpointsKeepFlowing() {
		String dead = "/dead-" + UUID.randomUUID();
		String alive = "/alive-" + UUID.randomUUID();
		String deadId = subscribe(dead);
		String aliveId = subscribe(alive);
		try {
			List<String> orders = new CopyOnWriteArrayList<>();
			List<String> events = new CopyOnWriteArrayList<>();
			for (int i = 0; i < 6; i++) {
				String orderId = UUID.randomUUID().toString();
				orders.add(orderId);
				events.add(cancel(orderId, UUID.randomUUID().toString()));
			}

			await().until(() -> subscription(deadId).path("circuit").asString().equals("OPEN"));
			assertThat(subscription(aliveId).path("circuit").asString()).isEqualTo("CLOSED");
			await().until(() -> events.stream().allMatch((e) -> requestsFor(alive, e).size() == 1));
			await().until(() -> orders.stream()
				.allMatch((o) -> Infrastructure.get().mail().received().stream()
					.filter((m) -> m.body().contains(o))
					.count() == 5));
			assertThat(subscription(deadId).path("failures").asInt()).isGreaterThanOrEqualTo(4);
			assertThat(subscription(deadId).path("lastError").asString()).isEqualTo("HTTP 503");
		}
		finally {
			this.admin.send("DELETE", "/api/webhook-subscriptions/" + deadId, null);
			this.admin.send("DELETE", "/api/webhook-subscriptions/" + aliveId, null);
		}
	}

	@Test
	void anEndpointThatAlwaysFailsIsGivenUpFailedWithItsReasonAndNotificationFailedIsPublished() {
		String path = "/dead-" + UUID.randomUUID();
		String id = subscribe(path);
		try {
			String orderId = UUID.randomUUID().toString();
			String eventId = cancel(orderId, UUID.randomUUID().toString());

			await().until(() -> deliveries(this.admin, id, "").path("items").path(0).path("status").asString()
				.equals("FAILED"));
			JsonNode delivery = deliveries(this.admin, id, "").path("items").path(0);
			assertThat(delivery.path("eventId").asString()).isEqualTo(eventId);
			assertThat(delivery.path("eventType").asString()).isEqualTo("OrderCancelled");
			assertThat(delivery.path("attempts").asInt()).isEqualTo(3); // max-attempts in these tests
			assertThat(delivery.path("lastError").asString()).isEqualTo("HTTP 503");
			assertThat(delivery.path("lastAttemptAt").isNull()).isFalse();
			assertThat(delivery.path("deliveredAt").isNull()).isTrue();
			assertThat(requestsFor(path, eventId)).hasSize(3)
				.extracting(Request::deliveryId)
				.containsOnly(delivery.path("deliveryId").asString());

			String deliveryId = delivery.path("deliveryId").asString();
			KafkaProbe.Received failed = kafka.awaitRecord("chairside.notifications", deliveryId,
					"chairside.notification.NotificationFailed.v1");
			assertThat(Contracts.violations("chairside.notification.NotificationFailed.v1", failed.value())).isEmpty();
			JsonNode data = JSON.readTree(failed.value());
			assertThat(data.path("notificationId").asString()).isEqualTo(deliveryId);
			assertThat(data.path("channel").asString()).isEqualTo("WEBHOOK");
			assertThat(data.path("department").asString()).isEqualTo("FINANCE");
			assertThat(data.path("orderId").asString()).isEqualTo(orderId);
			assertThat(data.path("eventId").asString()).isEqualTo(eventId);
			assertThat(data.path("reason").asString()).isEqualTo("HTTP 503");
			assertThat(data.path("attempts").asInt()).isEqualTo(3);
		}
		finally {
			this.admin.send("DELETE", "/api/webhook-subscriptions/" + id, null);
		}
	}

	@Test
	void deliveriesWaitingBehindAnOpenCircuitAreGivenUpAfterADay() {
		String path = "/dead-" + UUID.randomUUID();
		String id = subscribe(path);
		try {
			for (int i = 0; i < 6; i++) {
				cancel(UUID.randomUUID().toString(), UUID.randomUUID().toString());
			}
			await().until(() -> subscription(id).path("circuit").asString().equals("OPEN"));
			// Six deliveries of three attempts each need more requests than the four that opened the circuit.
			await().until(() -> deliveries(this.admin, id, "").path("total").asInt() == 6);
			assertThat(deliveries(this.admin, id, "").path("items").findValuesAsString("status")).contains("PENDING");

			this.clock.advance(Duration.ofHours(25)); // past give-up-after (24h), the circuit still open

			await().until(() -> deliveries(this.admin, id, "").path("items").findValuesAsString("status")
				.stream()
				.allMatch("FAILED"::equals));
			List<JsonNode> waited = new ArrayList<>();
			deliveries(this.admin, id, "").path("items").forEach((d) -> {
				if (d.path("lastError").asString().equals("circuit open")) {
					waited.add(d);
				}
			});
			assertThat(waited).isNotEmpty();
			assertThat(waited).extracting((d) -> d.path("attempts").asInt()).allMatch((attempts) -> attempts < 3);
			String deliveryId = waited.get(0).path("deliveryId").asString();
			KafkaProbe.Received failed = kafka.awaitRecord("chairside.notifications", deliveryId,
					"chairside.notification.NotificationFailed.v1");
			assertThat(Contracts.violations("chairside.notification.NotificationFailed.v1", failed.value())).isEmpty();
			assertThat(failed.value()).contains("\"reason\":\"circuit open\"").contains("\"channel\":\"WEBHOOK\"");
		}
		finally {
			this.clock.reset();
			this.admin.send("DELETE", "/api/webhook-subscriptions/" + id, null);
		}
	}

	@Test
	void aSubscriptionsDeliveriesArePagedForAdminsAndItsDepartmentOnly() {
		String path = "/alive-" + UUID.randomUUID();
		String id = subscribe(path);
		try {
			String first = cancel(UUID.randomUUID().toString(), UUID.randomUUID().toString());
			String second = cancel(UUID.randomUUID().toString(), UUID.randomUUID().toString());
			await().until(() -> requestsFor(path, first).size() == 1 && requestsFor(path, second).size() == 1);
			await().until(() -> deliveries(this.admin, id, "").path("items").findValuesAsString("status")
				.equals(List.of("SENT", "SENT")));

			JsonNode page = deliveries(this.admin, id, "?page=1&size=1");
			assertThat(page.path("total").asInt()).isEqualTo(2);
			assertThat(page.path("page").asInt()).isEqualTo(1);
			assertThat(page.path("size").asInt()).isEqualTo(1);
			assertThat(page.path("items")).hasSize(1);
			JsonNode oldest = page.path("items").path(0);
			assertThat(oldest.path("eventId").asString()).isEqualTo(first);
			assertThat(oldest.path("deliveryId").asString()).isEqualTo(requestsFor(path, first).get(0).deliveryId());
			assertThat(oldest.path("attempts").asInt()).isEqualTo(1);
			assertThat(oldest.path("lastError").isNull()).isTrue();
			assertThat(oldest.path("deliveredAt").isNull()).isFalse();
			assertThat(oldest.path("lastAttemptAt").isNull()).isFalse();
			assertThat(oldest.has("body")).isFalse();

			Api finance = this.admin.as(Infrastructure.get().departmentToken("fin.lead", "FINANCE"));
			assertThat(deliveries(finance, id, "").path("total").asInt()).isEqualTo(2);
			Api production = this.admin.as(Infrastructure.get().departmentToken("prod.lead", "PRODUCTION"));
			Api.Response otherDepartment = production.get("/api/webhook-subscriptions/" + id + "/deliveries");
			assertThat(otherDepartment.status()).isEqualTo(404);
			assertThat(otherDepartment.contentType()).contains("application/problem+json");
			Api salesAdmin = this.admin.as(Infrastructure.get().token("sales.admin", "SALES_ADMIN", null));
			assertThat(salesAdmin.get("/api/webhook-subscriptions/" + id + "/deliveries").status()).isEqualTo(403);
			assertThat(this.admin.get("/api/webhook-subscriptions/" + UUID.randomUUID() + "/deliveries").status())
				.isEqualTo(404);
			assertThat(this.admin.get("/v3/api-docs").json().path("paths").has("/api/webhook-subscriptions/{id}/deliveries"))
				.as("documented in the OpenAPI document")
				.isTrue();
		}
		finally {
			this.admin.send("DELETE", "/api/webhook-subscriptions/" + id, null);
		}
	}

	private static JsonNode deliveries(Api api, String subscriptionId, String query) {
		Api.Response response = api.get("/api/webhook-subscriptions/" + subscriptionId + "/deliveries" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	/** The subscription ids a dry run of an OrderPlaced says the event would go to. */
	private List<String> subscribersOfAnOrderPlaced() {
		Api.Response response = this.admin.post("/api/notification-rules/dry-run",
				"{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"chairside.order.OrderPlaced.v1\",\"data\":"
						+ Contracts.example("chairside.order.OrderPlaced.v1") + "}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		response.json().path("webhookSubscriptions").forEach((id) -> ids.add(id.asString()));
		return ids;
	}

	@Test
	void theEventPathSeesASubscriptionMadeOrRemovedHereAtOnceDespiteItsCache() {
		subscribersOfAnOrderPlaced(); // the subscriptions are read and kept for the ttl (5s)
		Api.Response created = this.admin.post("/api/webhook-subscriptions",
				"{\"department\":\"FINANCE\",\"url\":\"http://127.0.0.1:9/placed\",\"eventTypes\":[\"OrderPlaced\"],"
						+ "\"secret\":\"s\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();

		assertThat(subscribersOfAnOrderPlaced()).contains(id);

		this.admin.send("DELETE", "/api/webhook-subscriptions/" + id, null);
		assertThat(subscribersOfAnOrderPlaced()).doesNotContain(id);
	}

	@Test
	void aRedirectIsAFailedAttemptAndIsNeverFollowed() {
		String path = "/moved-" + UUID.randomUUID();
		String id = subscribe(path);
		try {
			String eventId = cancel(UUID.randomUUID().toString(), UUID.randomUUID().toString());

			await().until(() -> deliveries(this.admin, id, "").path("items").path(0).path("status").asString()
				.equals("FAILED"));
			assertThat(requestsFor(path, eventId)).extracting(Request::answered).containsExactly(307, 307, 307);
			assertThat(received).extracting(Request::path).doesNotContain("/redirected" + path);
			assertThat(deliveries(this.admin, id, "").path("items").path(0).path("lastError").asString())
				.isEqualTo("HTTP 307");
		}
		finally {
			this.admin.send("DELETE", "/api/webhook-subscriptions/" + id, null);
		}
	}

	@Test
	void theEmbeddedDefaultReachesLoopbackAtAnyPortButNoOtherInternalAddress() {
		SubscriptionUrls.assertAccepted(this.admin, "http://localhost:9/hooks");
		SubscriptionUrls.assertAccepted(this.admin, "http://[::1]:65535/hooks");
		SubscriptionUrls.assertRefused(this.admin, "https://169.254.169.254/latest",
				"host 169.254.169.254 is a non-public address (link-local)");
		SubscriptionUrls.assertRefused(this.admin, "http://10.0.0.1:8080/hooks", "non-public address (private)");
		SubscriptionUrls.assertRefused(this.admin, "http://[::ffff:192.168.1.1]/hooks", "non-public address (private)");
		SubscriptionUrls.assertRefused(this.admin, "http://2130706433:9/hooks", "four decimal numbers");
		SubscriptionUrls.assertRefused(this.admin, "https://hooks.partner.example/hooks",
				"hooks.partner.example:443 is not on the allow-list");
	}

	@Test
	void refusesOtherFieldsAndCallersToo() {
		Api.Response badType = this.admin.post("/api/webhook-subscriptions",
				"{\"department\":\"FINANCE\",\"url\":\"http://127.0.0.1:9/x\",\"eventTypes\":[\"Nope\"],\"secret\":\"s\"}");
		assertThat(badType.json().path("errors").get(0).path("field").asString()).isEqualTo("eventTypes");
		Api salesAdmin = this.admin.as(Infrastructure.get().token("sales.admin", "SALES_ADMIN", null));
		assertThat(salesAdmin.post("/api/webhook-subscriptions",
				"{\"department\":\"FINANCE\",\"url\":\"http://127.0.0.1:9/x\",\"eventTypes\":[\"OrderCancelled\"],\"secret\":\"s\"}")
			.status()).isEqualTo(403);
	}

}
