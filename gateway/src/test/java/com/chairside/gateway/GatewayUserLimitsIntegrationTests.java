package com.chairside.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No one user holds the gateway: at most {@code max-in-flight} calls of one user are worked on at once (the next gets
 * 429 with {@code Retry-After} while another user goes through), and expensive reads (order forms, the sales-meeting
 * pack as PDF or CSV, rebuild starts) have a lower rate of their own.
 */
@ServiceIntegrationTest
class GatewayUserLimitsIntegrationTests {

	static final CountDownLatch release = new CountDownLatch(1);

	static final AtomicInteger held = new AtomicInteger();

	static final HttpServer upstream = upstream();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		String url = "http://127.0.0.1:" + upstream.getAddress().getPort();
		registry.add("chairside.routes.leads", () -> url);
		registry.add("chairside.routes.orders", () -> url);
		registry.add("chairside.routes.reports", () -> url);
		registry.add("chairside.gateway.rate-limit.max-in-flight", () -> "2");
		registry.add("chairside.gateway.rate-limit.expensive-per-second", () -> "0.01");
		registry.add("chairside.gateway.rate-limit.expensive-burst", () -> "2");
	}

	@AfterAll
	static void stop() {
		release.countDown();
		upstream.stop(0);
	}

	@Test
	void aUserWithTooManyCallsInFlightWaitsWhileOthersGoThrough() throws Exception {
		String token = Infrastructure.get().token("slow.caller", "SALES_MANAGER", null);
		HttpClient http = HttpClient.newHttpClient();
		List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			slow.add(http.sendAsync(HttpRequest.newBuilder(URI.create(url("/api/leads/hold"))).header("Authorization",
					"Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()));
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> held.get() == 2);

		Api.Response third = Api.local(this.port, token).get("/api/leads/quick");
		assertThat(third.status()).isEqualTo(429);
		assertThat(third.contentType()).startsWith("application/problem+json");
		assertThat(third.header("Retry-After")).isPresent();
		assertThat(Api.local(this.port, Infrastructure.get().token("other.caller", "SALES_MANAGER", null))
			.get("/api/leads/quick").status()).as("another user").isEqualTo(200);

		release.countDown();
		for (CompletableFuture<HttpResponse<String>> call : slow) {
			assertThat(call.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		}
		assertThat(Api.local(this.port, token).get("/api/leads/quick").status()).as("calls finished").isEqualTo(200);
	}

	@Test
	void expensiveReadsHaveALowerRateOfTheirOwn() {
		Api caller = Api.local(this.port, Infrastructure.get().token("pack.reader", "SALES_MANAGER", null));
		for (int i = 0; i < 2; i++) {
			assertThat(caller.get("/api/orders/o-1/form").status()).isEqualTo(200);
		}
		String pack = "/api/reports/sales-meeting?region=WEST&period=2026-11";
		assertThat(caller.get(pack).status()).as("the pack's JSON is an ordinary read").isEqualTo(200);
		Api.Response limited = caller.send("GET", pack, null, java.util.Map.of("Accept", "application/pdf"));
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isPresent();
		assertThat(caller.get("/api/leads/quick").status()).as("ordinary reads are not limited by it").isEqualTo(200);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	private static HttpServer upstream() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newCachedThreadPool());
			server.createContext("/", (exchange) -> {
				exchange.getRequestBody().readAllBytes();
				if (exchange.getRequestURI().getPath().endsWith("/hold")) {
					held.incrementAndGet();
					try {
						release.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				FakeIdentityProvider.answer(exchange, 200, "{}");
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
