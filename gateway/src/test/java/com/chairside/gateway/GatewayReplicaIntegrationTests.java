package com.chairside.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * The gateway in front of two replicas of a service: two real HTTP servers on loopback that answer like a service
 * (a readiness probe and an API path, each saying which replica it is).
 */
@ServiceIntegrationTest
class GatewayReplicaIntegrationTests {

	static final Replica first = new Replica("first");

	static final Replica second = new Replica("second");

	/** order-service, for the routes it answers besides /api/orders. */
	static final Replica orders = new Replica("order-service");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("chairside.routes.leads", () -> first.url() + "," + second.url());
		registry.add("chairside.routes.orders", orders::url);
		registry.add("chairside.routes.probe-interval", () -> "200ms");
	}

	@AfterAll
	static void stop() {
		first.server.stop(0);
		second.server.stop(0);
		orders.server.stop(0);
	}

	@Test
	void routesTheApprovalsListToOrderService() {
		Api api = Api.local(this.port, Infrastructure.get().token("sm.northeast", "SALES_MANAGER", "NORTHEAST"));
		await().until(() -> api.get("/api/approvals").status() == 200);
		assertThat(api.get("/api/approvals").body()).isEqualTo("order-service");
	}

	@Test
	void spreadsRequestsOverReadyReplicasAndSkipsOneThatIsNotReady() {
		Api api = Api.local(this.port, Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
		assertThat(servedBy(api, 10)).contains("first", "second");

		second.ready.set(false);
		await().until(() -> servedBy(api, 10).stream().allMatch("first"::equals));

		second.ready.set(true);
		await().until(() -> servedBy(api, 10).contains("second"));
	}

	private static List<String> servedBy(Api api, int requests) {
		List<String> replicas = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			Api.Response response = api.get("/api/leads");
			assertThat(response.status()).isEqualTo(200);
			replicas.add(response.body());
		}
		return replicas;
	}

	/** A replica: answers its name on /api/leads and /api/approvals, and its readiness as set by the test. */
	static final class Replica {

		final AtomicBoolean ready = new AtomicBoolean(true);

		final HttpServer server;

		Replica(String name) {
			try {
				this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			this.server.createContext("/actuator/health/readiness", (exchange) -> answer(exchange, this.ready.get() ? 200 : 503, "{}"));
			this.server.createContext("/api/leads", (exchange) -> answer(exchange, 200, name));
			this.server.createContext("/api/approvals", (exchange) -> answer(exchange, 200, name));
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort();
		}

		private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}

	}

}
