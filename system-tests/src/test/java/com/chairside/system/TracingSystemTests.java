package com.chairside.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One change followed through the whole suite in the trace viewer: an order cancelled through the gateway is one trace
 * in Zipkin, from the gateway's server span through order-service's, across the outbox (the relay resumes the stored
 * trace, so the Kafka producer span descends from the request however much later it publishes), into
 * notification-service's consumer span and the store commands it makes there. The trace id is the one the gateway
 * names in its response's {@code traceparent}. A call between services is in the same trace too: order-service asking
 * account-service for an account it has not learnt of, on a thread of its own.
 */
class TracingSystemTests {

	static Suite suite;

	@BeforeAll
	static void start() {
		suite = Suite.get();
	}

	@Test
	void aCancelledOrderIsOneTraceFromTheGatewayThroughTheOutboxAndKafkaIntoTheConsumersStore() {
		Api manager = suite.accountManager("TRACING");
		String account = manager.post("/api/accounts", """
				{"name":"Traced Dental Studio","specialty":"ORTHODONTICS","city":"Tucson","country":"US"}""").field("id");
		Api.Response placed = manager.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"EC-ORTHO-100","quantity":1}],"requestedDeliveryDate":"2027-06-01"}"""
			.formatted(account));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		String traceId = newTraceId();
		String callerSpan = callerSpan(traceId);
		Api.Response cancelled = manager.send("POST", "/api/orders/" + placed.field("id") + "/cancel", """
				{"reason":"Practice postponed the refit"}""", traceparent(traceId));
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.header("traceparent").orElseThrow().split("-")[1]).as("the answer names the caller's trace")
			.isEqualTo(traceId);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Trace trace = Trace.inZipkin(traceId);
			JsonNode gateway = trace.one("gateway", "SERVER", (span) -> true);
			assertThat(gateway.path("parentId").asString()).as("the gateway continues the caller's trace")
				.isEqualTo(callerSpan);
			JsonNode request = trace.one("order-service", "SERVER", (span) -> true);
			assertThat(trace.descends(request, gateway)).as("order-service's request under the gateway's").isTrue();
			List<JsonNode> relays = trace.all("order-service", null, (span) -> span.path("name").asString().equals("outbox relay"));
			assertThat(relays).as("the relay resumes the request's trace")
				.isNotEmpty()
				.allSatisfy((relay) -> assertThat(trace.descends(relay, request)).isTrue());
			List<JsonNode> producers = trace.all("order-service", "PRODUCER", (span) -> true);
			assertThat(producers).as("each send under a relay span")
				.isNotEmpty()
				.allSatisfy((producer) -> assertThat(relays).extracting((relay) -> relay.path("id").asString())
					.contains(producer.path("parentId").asString()));
			List<JsonNode> consumers = trace.all("notification-service", "CONSUMER",
					(span) -> producers.stream().anyMatch((producer) -> trace.descends(span, producer)));
			assertThat(consumers).as("notification-service consumed a record order-service sent").isNotEmpty();
			assertThat(trace.all("notification-service", "CLIENT", Trace::storeCommand))
				.as("notification-service's store commands while it handles the event")
				.anySatisfy((command) -> assertThat(consumers).anyMatch((consumer) -> trace.descends(command, consumer)));
		});
	}

	@Test
	void anAccountCheckOverHttpIsInTheOrderRequestsTrace() {
		Api manager = suite.accountManager("TRACING");
		String traceId = newTraceId();
		// An account order-service has not learnt of from account-service's events (none has this id) is asked for
		// over HTTP, on a thread of the client's pool: in the request's trace only if that thread carries its context.
		Api.Response refused = manager.send("POST", "/api/orders", """
				{"accountId":"%s","lines":[{"sku":"EC-ORTHO-100","quantity":1}],"requestedDeliveryDate":"2027-06-01"}"""
			.formatted(UUID.randomUUID()), traceparent(traceId));
		assertThat(refused.field("code")).as(refused.toString()).isEqualTo("UNKNOWN_ACCOUNT");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Trace trace = Trace.inZipkin(traceId);
			JsonNode request = trace.one("order-service", "SERVER", (span) -> true);
			JsonNode asked = trace.one("account-service", "SERVER", (span) -> true);
			JsonNode call = trace.byId.get(asked.path("parentId").asString());
			assertThat(call).as("account-service's request is a call in trace %s", traceId).isNotNull();
			assertThat(call.path("localEndpoint").path("serviceName").asString()).as("the caller").isEqualTo("order-service");
			assertThat(call.path("kind").asString()).as("the caller's span").isEqualTo("CLIENT");
			assertThat(trace.descends(call, request)).as("the call under order-service's request").isTrue();
		});
	}

	/** A new trace id; the suite samples only what asks to be traced, so the caller starts the trace. */
	private static String newTraceId() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private static String callerSpan(String traceId) {
		return traceId.substring(0, 16);
	}

	/** The W3C header of a caller's span in {@code traceId}, sampled (flag 01). */
	private static Map<String, String> traceparent(String traceId) {
		return Map.of("traceparent", "00-" + traceId + "-" + callerSpan(traceId) + "-01");
	}

	/** A trace as Zipkin's API answers it: its spans, each naming its parent by id. */
	private static final class Trace {

		final List<JsonNode> spans;

		final Map<String, JsonNode> byId = new HashMap<>();

		Trace(JsonNode spans) {
			this.spans = StreamSupport.stream(spans.spliterator(), false).toList();
			this.spans.forEach((span) -> this.byId.put(span.path("id").asString(), span));
		}

		/** The trace as Zipkin has it so far (404 until its first span arrives). */
		static Trace inZipkin(String traceId) {
			Api.Response found = suite.zipkin().get("/api/v2/trace/" + traceId);
			assertThat(found.status()).as("Zipkin has trace %s", traceId).isEqualTo(200);
			Trace trace = new Trace(found.json());
			assertThat(trace.spans).as("spans of trace %s", traceId)
				.allSatisfy((span) -> assertThat(span.path("traceId").asString()).isEqualTo(traceId));
			return trace;
		}

		static boolean storeCommand(JsonNode span) {
			return span.path("tags").path("db.system").asString().equals("mongodb");
		}

		/** The spans of {@code service} of {@code kind} (any, when null) that {@code matching} accepts. */
		List<JsonNode> all(String service, String kind, Predicate<JsonNode> matching) {
			return this.spans.stream()
				.filter((span) -> span.path("localEndpoint").path("serviceName").asString().equals(service))
				.filter((span) -> kind == null || span.path("kind").asString().equals(kind))
				.filter(matching)
				.toList();
		}

		JsonNode one(String service, String kind, Predicate<JsonNode> matching) {
			List<JsonNode> found = all(service, kind, matching);
			assertThat(found).as("%s %s spans", service, kind).hasSize(1);
			return found.get(0);
		}

		/** Whether {@code ancestor} is on {@code span}'s chain of parents. */
		boolean descends(JsonNode span, JsonNode ancestor) {
			String id = ancestor.path("id").asString();
			for (JsonNode at = this.byId.get(span.path("parentId").asString()); at != null;
					at = this.byId.get(at.path("parentId").asString())) {
				if (at.path("id").asString().equals(id)) {
					return true;
				}
			}
			return false;
		}

	}

}
