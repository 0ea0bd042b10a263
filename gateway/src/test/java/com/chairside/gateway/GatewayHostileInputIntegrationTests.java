package com.chairside.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.ServiceIntegrationTest;
import com.chairside.testsupport.hostile.HostileCaller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile ids and bodies through the gateway, in front of a stand-in for lead-service (a real HTTP server on loopback
 * that records the paths it is asked for and answers 404 problem+json, as lead-service does for an unknown id). Its
 * answer says nothing about the gateway, so the ids are judged by what reached it: refused at the gateway, or passed
 * on as one id inside its route. Each case is sent as each {@link HostileCaller}: an admin, an account manager of a
 * region and a department user.
 */
@ServiceIntegrationTest
class GatewayHostileInputIntegrationTests {

	static final List<String> received = new CopyOnWriteArrayList<>();

	static final HttpServer leads = leadService();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void routes(DynamicPropertyRegistry registry) {
		registry.add("chairside.routes.leads", () -> "http://127.0.0.1:" + leads.getAddress().getPort());
	}

	@AfterAll
	static void stop() {
		leads.stop(0);
	}

	@ParameterizedTest
	@EnumSource(HostileCaller.class)
	void hostileIdsAreRefusedOrStayIdsOfTheirRoute(HostileCaller caller) {
		Api api = Api.local(this.port, caller.token());
		List<String> ids = List.of("..%2F..%2Factuator%2Fenv", "..%252F..%252Factuator%252Fenv", "%2E%2E", "../../actuator/env",
				"..%5C..%5Cactuator", "%2e%2e%2f%2e%2e%2factuator", "x%2Fy", "%7B%22%24ne%22%3A%22%22%7D", "%24where", "x%00y",
				"%C3%28", "%FF%FE", "%27%20OR%201%3D1%20--", "x;jsessionid=1", "9".repeat(4000));
		List<String> wrong = new ArrayList<>();
		for (String id : ids) {
			received.clear();
			Api.Response answer = api.get("/api/leads/" + id);
			// The stand-in answers 404 to everything: what matters is what the gateway passed on to it.
			assertThat(answer.status()).as(id).isBetween(400, 499).isNotEqualTo(401);
			assertThat(answer.contentType()).as(id).startsWith("application/problem+json");
			for (String path : received) {
				String problem = outsideItsRoute(path);
				if (problem != null) {
					wrong.add(id + " reached lead-service as " + path + ": " + problem);
				}
			}
		}
		assertThat(wrong).isEmpty();
		// A plain id reaches the stand-in as itself: the checks above look at real traffic.
		received.clear();
		api.get("/api/leads/lead-42");
		assertThat(received).containsExactly("/api/leads/lead-42");
	}

	/**
	 * Null when {@code rawPath}, as the service would decode it, is one id below {@code /api/leads/}; else what is wrong:
	 * an encoded slash or backslash (a second path segment once decoded), or a {@code ..} or {@code .} segment.
	 */
	private static String outsideItsRoute(String rawPath) {
		if (!rawPath.startsWith("/api/leads/")) {
			return "not under /api/leads/";
		}
		String id = rawPath.substring("/api/leads/".length());
		String lower = id.toLowerCase(Locale.ROOT);
		if (lower.contains("%2f") || lower.contains("%5c") || id.contains("/") || id.contains("\\")) {
			return "a slash or backslash, encoded or not, in the id";
		}
		String decoded;
		try {
			decoded = URLDecoder.decode(id.replace("+", "%2B"), StandardCharsets.ISO_8859_1);
		}
		catch (IllegalArgumentException ex) {
			return null; // a broken escape: the service cannot take it for a path either
		}
		if (decoded.equals("..") || decoded.equals(".") || decoded.startsWith("../") || decoded.contains("/..")) {
			return "a dot segment once decoded";
		}
		return null;
	}

	@ParameterizedTest
	@EnumSource(HostileCaller.class)
	void capsBodiesSentWithoutALength(HostileCaller caller) throws Exception {
		byte[] body = ("{\"notes\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/leads"))
				.header("Authorization", "Bearer " + caller.token())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isBetween(400, 499).isNotEqualTo(401);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
	}

	private static HttpServer leadService() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/actuator/health/readiness", (exchange) -> answer(exchange, 200, "application/json", "{}"));
			server.createContext("/", (exchange) -> {
				received.add(exchange.getRequestURI().getRawPath());
				exchange.getRequestBody().readAllBytes();
				answer(exchange, 404, "application/problem+json",
						"{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404}");
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
