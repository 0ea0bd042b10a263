package com.chairside.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The combined OpenAPI view over real HTTP: two services answer with their documents (each with a schema named
 * {@code Problem}, of different shapes), the others are down. Swagger UI over it and the event contract's page are
 * open to anyone.
 */
@ServiceIntegrationTest
class GatewayApiDocsIntegrationTests {

	static final List<HttpServer> services = new ArrayList<>();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) throws IOException {
		String leads = service("""
				{"openapi":"3.1.0","paths":{"/api/leads":{"post":{"responses":{"400":{"content":{"application/problem+json":
				{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
				"components":{"schemas":{"Problem":{"type":"object","properties":{"errors":{"type":"array"}}},
				"Lead":{"type":"object"}},"securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}}}}""");
		String orders = service("""
				{"openapi":"3.1.0","paths":{"/api/orders/{id}":{"get":{"responses":{"404":{"content":{"application/problem+json":
				{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
				"components":{"schemas":{"Problem":{"type":"object","properties":{"code":{"type":"string"}}}}}}""");
		registry.add("chairside.routes.leads", () -> leads);
		registry.add("chairside.routes.orders", () -> orders);
		registry.add("chairside.routes.accounts", () -> "http://127.0.0.1:9");
		registry.add("chairside.routes.notifications", () -> "http://127.0.0.1:9");
		registry.add("chairside.routes.reports", () -> "http://127.0.0.1:9");
	}

	@AfterAll
	static void stop() {
		services.forEach((server) -> server.stop(0));
	}

	@Test
	void mergesEveryServicesDocumentAndSaysWhichCouldNotBeRead() {
		Api.Response docs = new Api("http://127.0.0.1:" + this.port, null).get("/v3/api-docs");
		assertThat(docs.status()).as("open, like every service's own document").isEqualTo(200);
		JsonNode combined = docs.json();
		assertThat(combined.path("paths").has("/api/leads")).isTrue();
		assertThat(combined.path("paths").path("/api/orders/{id}").path("x-service").asString()).isEqualTo("order-service");
		assertThat(combined.path("components").path("securitySchemes").has("bearer")).isTrue();
		assertThat(combined.path("x-unavailable")).extracting(JsonNode::asString)
			.containsExactly("account-service", "notification-service", "reporting-service");

		JsonNode schemas = combined.path("components").path("schemas");
		assertThat(schemas.path("Problem").path("properties").has("errors")).as("the first service keeps the name").isTrue();
		assertThat(schemas.path("order-service.Problem").path("properties").has("code")).isTrue();
		assertThat(combined.path("paths").path("/api/orders/{id}").toString())
			.contains("#/components/schemas/order-service.Problem");
	}

	@Test
	void servesSwaggerUiOverTheMergedDocumentToAnyone() {
		Api.Response page = browse("/docs/api");
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		Matcher files = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(page.body());
		List<String> loaded = new ArrayList<>();
		while (files.find()) {
			Api.Response file = browse(files.group(1));
			assertThat(file.status()).as(files.group(1)).isEqualTo(200);
			loaded.add(files.group(1));
		}
		assertThat(loaded).anyMatch((file) -> file.endsWith("/swagger-ui-bundle.js"))
			.anyMatch((file) -> file.endsWith("/swagger-ui.css"))
			.contains("/docs/api/initializer.js");
		assertThat(browse("/docs/api/initializer.js").body()).contains("url: '/v3/api-docs'");
	}

	@Test
	void rendersTheEventContractFromTheContractsJarToAnyone() {
		Api.Response page = browse("/docs/events");
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("<article id=\"topic-chairside.orders\">", "<code>chairside.order.OrderChanged.v1</code>",
				"<code>ce_sequence</code>", "Example <code>events/chairside.order.OrderChanged.v1.example.json</code>",
				"&quot;orderNumber&quot;: &quot;SO-2026-000042&quot;")
			.as("the contract's own angle brackets, escaped")
			.contains("&lt;topic&gt;.&lt;consumer-group&gt;.dlt");
	}

	/** A GET as a browser sends it, without a token or session. */
	private Api.Response browse(String path) {
		return new Api("http://127.0.0.1:" + this.port, null).send("GET", path, null,
				Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
	}

	private static String service(String document) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/v3/api-docs", (exchange) -> {
			byte[] body = document.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.createContext("/actuator/health/readiness", (exchange) -> {
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
		services.add(server);
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

}
