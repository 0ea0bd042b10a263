package com.chairside.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway in front of two replicas of a service: real HTTP servers on loopback that answer like a service (a
 * readiness probe, and API paths that say which replica answered), probed every 200 ms.
 */
@ServiceIntegrationTest
class GatewayReplicaIntegrationTests {

	static final Replica first = new Replica("first");

	static final Replica second = new Replica("second");

	/** account-service's two replicas, one of which drops connections without an answer. */
	static final Replica steady = new Replica("steady");

	static final Replica crashing = new Replica("crashing");

	/** notification-service's two replicas, one of which is stopped for good. */
	static final Replica lively = new Replica("lively");

	static final Replica doomed = new Replica("doomed");

	/** order-service, for the routes it answers besides /api/orders. */
	static final Replica orders = new Replica("order-service");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("chairside.routes.leads", () -> first.url() + "," + second.url());
		registry.add("chairside.routes.accounts", () -> steady.url() + ", " + crashing.url());
		registry.add("chairside.routes.notifications", () -> lively.url() + "," + doomed.url());
		registry.add("chairside.routes.orders", orders::url);
		registry.add("spring.cloud.loadbalancer.health-check.interval", () -> "200ms");
	}

	@AfterEach
	void recover() {
		for (Replica replica : List.of(first, second, crashing)) {
			replica.ready.set(true);
			replica.dying.set(false);
			replica.crashing.set(false);
		}
		await().until(() -> servedBy(api(), "/api/leads", 10).containsAll(List.of("first", "second")));
	}

	@AfterAll
	static void stop() {
		List.of(first, second, steady, crashing, lively, doomed, orders).forEach((replica) -> replica.server.stop(0));
	}

	@Test
	void routesTheApprovalsListToOrderService() {
		await().until(() -> api().get("/api/approvals").status() == 200);
		assertThat(api().get("/api/approvals").body()).isEqualTo("order-service");
	}

	@Test
	void spreadsRequestsOverReadyReplicasAndTakesOutOneThatIsNotReady() {
		assertThat(servedBy(api(), "/api/leads", 10)).contains("first", "second");

		second.ready.set(false);
		await().atMost(Duration.ofSeconds(5)).until(() -> servedBy(api(), "/api/leads", 10).stream().allMatch("first"::equals));

		second.ready.set(true);
		await().atMost(Duration.ofSeconds(5)).until(() -> servedBy(api(), "/api/leads", 10).contains("second"));
	}

	@Test
	void aStoppedReplicaIsTakenOutWhileRequestsKeepSucceeding() {
		assertThat(servedBy(api(), "/api/notifications", 10)).contains("lively", "doomed");

		doomed.server.stop(0);
		assertThat(servedBy(api(), "/api/notifications", 10)).containsOnly("lively");
		// a POST is never asked twice: once every one reaches lively, the probe has taken doomed out
		await().atMost(Duration.ofSeconds(5)).until(() -> statusesOf(() -> api().post("/api/notifications", "{}"), 10)
			.stream().allMatch((status) -> status == 201));
	}

	@Test
	void aReadWhoseConnectionIsDroppedIsAskedOfAnotherReplicaAndAPostIsNot() {
		crashing.crashing.set(true);
		crashing.gets.set(0);
		crashing.posts.set(0);
		steady.posts.set(0);

		assertThat(servedBy(api(), "/api/accounts", 6)).containsOnly("steady");
		assertThat(crashing.gets).as("reads whose connection the crashing replica dropped").hasPositiveValue();

		List<Api.Response> answers = new ArrayList<>();
		for (int i = 0; i < 4 && crashing.posts.get() == 0; i++) {
			answers.add(api().post("/api/accounts", "{}"));
		}
		assertThat(crashing.posts).as("a POST the crashing replica dropped").hasValue(1);
		assertThat(steady.posts).as("only the POSTs steady answered, not the dropped one").hasValue(answers.size() - 1);
		Api.Response dropped = answers.get(answers.size() - 1);
		assertThat(dropped.status()).isEqualTo(503);
		assertThat(dropped.contentType()).startsWith("application/problem+json");
		assertThat(dropped.json().path("detail").asString())
			.isEqualTo("account-service is not reachable right now; try again shortly");
		assertThat(dropped.header("Retry-After")).hasValue("2");
	}

	@Test
	void aReadThatADyingReplicaRefusesIsAskedOfAnother() {
		first.dying.set(true);
		first.gets.set(0);

		assertThat(servedBy(api(), "/api/leads", 6)).containsOnly("second");
		assertThat(first.gets).as("reads the dying replica answered 503, each asked again of second").hasPositiveValue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST", "PATCH" })
	void aPostOrPatchIsNeverAskedTwice(String method) {
		first.dying.set(true);
		first.posts.set(0);
		second.posts.set(0);

		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 4 && !statuses.contains(503); i++) {
			statuses.add(api().send(method, "/api/leads", "{\"practiceName\":\"Desert Bloom Orthodontics\"}").status());
		}
		assertThat(statuses).as("the dying replica's 503, answered as it is").contains(503);
		assertThat(first.posts).as(method + "s first answered").hasValue(frequency(statuses, 503));
		assertThat(second.posts).as(method + "s second answered, none of them first's again")
			.hasValue(statuses.size() - frequency(statuses, 503));
	}

	@Test
	void aPutThatADyingReplicaRefusesIsAskedOfAnotherWithTheSameBody() {
		String rules = "{\"territories\":[{\"country\":\"US\",\"postalCodePrefix\":\"852\"},"
				+ "{\"country\":\"US\",\"postalCodePrefix\":\"853\"}]}";
		first.dying.set(true);
		first.puts.clear();
		second.puts.clear();

		List<Api.Response> answers = new ArrayList<>();
		for (int i = 0; i < 4 && first.puts.isEmpty(); i++) {
			answers.add(api().send("PUT", "/api/regions/SOUTHWEST/territories", rules));
		}
		assertThat(first.puts).as("the PUT the dying replica refused").containsExactly(rules);
		assertThat(answers).as("every PUT answered by second").allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.body()).isEqualTo("second");
		});
		assertThat(second.puts).as("each PUT's body, once each, the refused one included").hasSize(answers.size())
			.containsOnly(rules);
	}

	/** A body that is not JSON, which nothing but the replay keeps (the JSON guard reads JSON bodies ahead). */
	@Test
	void aPutWhoseConnectionIsDroppedIsAskedOfAnotherWithTheSameBody() {
		String note = "Prefers deliveries before 10:00; the loading bay is round the back.";
		crashing.crashing.set(true);
		crashing.puts.clear();
		steady.puts.clear();

		List<Api.Response> answers = new ArrayList<>();
		for (int i = 0; i < 4 && crashing.puts.isEmpty(); i++) {
			answers.add(api().send("PUT", "/api/accounts/acc-1/delivery-note", note, Map.of("Content-Type", "text/plain")));
		}
		assertThat(crashing.puts).as("the PUT whose connection the crashing replica dropped").containsExactly(note);
		assertThat(answers).extracting(Api.Response::status).containsOnly(200);
		assertThat(answers).extracting(Api.Response::body).containsOnly("steady");
		assertThat(steady.puts).as("each PUT's body, the dropped one's included").hasSize(answers.size()).containsOnly(note);
	}

	@Test
	void aPutBodyLargerThanTheCapSentWithoutALengthIsRefusedBeforeAnyReplicaIsAsked() throws Exception {
		byte[] body = "x".repeat(300 * 1024).getBytes(StandardCharsets.UTF_8);
		first.puts.clear();
		second.puts.clear();

		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/regions/SOUTHWEST/territories"))
				.header("Authorization", "Bearer " + token())
				.header("Content-Type", "text/plain")
				.PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(answer.body()).contains("Request bodies here are limited to 256 KB");
		assertThat(first.puts).isEmpty();
		assertThat(second.puts).isEmpty();
	}

	private Api api() {
		return Api.local(this.port, token());
	}

	private static String token() {
		return Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST");
	}

	private static List<String> servedBy(Api api, String path, int requests) {
		List<String> replicas = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			Api.Response response = api.get(path);
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			replicas.add(response.body());
		}
		return replicas;
	}

	private static List<Integer> statusesOf(java.util.function.Supplier<Api.Response> call, int times) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			statuses.add(call.get().status());
		}
		return statuses;
	}

	private static int frequency(List<Integer> statuses, int status) {
		return (int) statuses.stream().filter((s) -> s == status).count();
	}

	/**
	 * A replica: answers its name on every {@code /api/} path (201 to a POST), 503 while dying, nothing while
	 * crashing (the connection is closed), and its readiness as set by the test; counts the reads and the POSTs and
	 * PATCHes it got, and keeps the bodies of the PUTs.
	 */
	static final class Replica {

		final AtomicBoolean ready = new AtomicBoolean(true);

		final AtomicBoolean dying = new AtomicBoolean();

		final AtomicBoolean crashing = new AtomicBoolean();

		final AtomicInteger gets = new AtomicInteger();

		final AtomicInteger posts = new AtomicInteger();

		final List<String> puts = new CopyOnWriteArrayList<>();

		final HttpServer server;

		Replica(String name) {
			try {
				this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			this.server.createContext("/actuator/health/readiness", (exchange) -> answer(exchange, this.ready.get() ? 200 : 503, "{}"));
			this.server.createContext("/api/", (exchange) -> {
				byte[] body = exchange.getRequestBody().readAllBytes();
				String method = exchange.getRequestMethod();
				boolean post = method.equals("POST");
				if (method.equals("PUT")) {
					this.puts.add(new String(body, StandardCharsets.UTF_8));
				}
				else {
					(post || method.equals("PATCH") ? this.posts : this.gets).incrementAndGet();
				}
				if (this.crashing.get()) {
					exchange.close();
				}
				else if (this.dying.get()) {
					answer(exchange, 503, "{\"title\":\"Shutting down\"}");
				}
				else {
					answer(exchange, post ? 201 : 200, name);
				}
			});
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort();
		}

		private static void answer(HttpExchange exchange, int status, String body) throws IOException {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}

	}

}
