package com.chairside.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/search} over real HTTP: lead-service and account-service are stubs that answer their searches (and
 * record what they were asked), order-service is down.
 */
@ServiceIntegrationTest
class GatewaySearchIntegrationTests {

	static final List<HttpServer> services = new CopyOnWriteArrayList<>();

	/** What each stub was last asked: path and query, and the Authorization header. */
	static final Map<String, List<String>> asked = new ConcurrentHashMap<>();

	static volatile int accountStatus = 200;

	@LocalServerPort
	int port;

	String token;

	Api api;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) throws IOException {
		String leads = service("/api/leads/search", () -> 200, """
				{"items":[
				 {"type":"lead","id":"l1","title":"Smile Orthodontics","subtitle":"Boston · ORTHODONTICS · NEW","region":"NORTHEAST","score":8.0},
				 {"type":"lead","id":"l2","title":"Smileyville Dental","subtitle":"Salem · GENERAL_DENTISTRY · NEW","region":"NORTHEAST","score":3.1}]}""");
		String accounts = service("/api/accounts/search", () -> accountStatus, """
				{"items":[
				 {"type":"account","id":"a1","title":"Smile Orthodontics","subtitle":"Boston · ORTHODONTICS · CUSTOMER","region":"NORTHEAST","score":8.5},
				 {"type":"account","id":"a2","title":"Bright Smile Clinic","subtitle":null,"region":"NORTHEAST","score":4.0}]}""");
		registry.add("chairside.routes.leads", () -> leads);
		registry.add("chairside.routes.accounts", () -> accounts);
		registry.add("chairside.routes.orders", () -> "http://127.0.0.1:9");
	}

	@AfterAll
	static void stop() {
		services.forEach((server) -> server.stop(0));
	}

	@BeforeEach
	void signIn() {
		this.token = Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST");
		this.api = Api.local(this.port, this.token);
		asked.clear();
		accountStatus = 200;
	}

	@Test
	void mergesTheServicesHitsBestFirstAndNamesTheServiceThatIsDown() {
		Api.Response found = this.api.get("/api/search?q=smi%20ortho");

		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		JsonNode items = found.json().path("items");
		assertThat(items).extracting((item) -> item.path("id").asString()).containsExactly("a1", "l1", "a2", "l2");
		assertThat(items.get(0).toString()).isEqualTo("""
				{"type":"account","id":"a1","title":"Smile Orthodontics","subtitle":"Boston · ORTHODONTICS · CUSTOMER",\
				"region":"NORTHEAST"}""");
		assertThat(found.json().path("unavailable")).extracting(JsonNode::asString).containsExactly("order-service");
		assertThat(asked.get("lead-service")).as("the caller's token goes along, and the size")
			.containsExactly("/api/leads/search?q=smi+ortho&size=20", "Bearer " + this.token);
	}

	@Test
	void asksOnlyTheServiceTheTypeNames() {
		Api.Response found = this.api.get("/api/search?q=smile&type=account");
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().path("items")).extracting((item) -> item.path("type").asString())
			.containsOnly("account");
		assertThat(found.json().path("unavailable")).isEmpty();
		assertThat(asked).containsOnlyKeys("account-service");
	}

	@Test
	void cutsTheMergedHitsToTheSizeAsked() {
		Api.Response found = this.api.get("/api/search?q=smile&size=3");
		assertThat(found.json().path("items")).extracting((item) -> item.path("id").asString())
			.containsExactly("a1", "l1", "a2");
		assertThat(asked.get("account-service").get(0)).endsWith("&size=3");
	}

	@Test
	void leavesOutAServiceThatRefusesTheCallersRoleWithoutCallingItUnavailable() {
		accountStatus = 403;
		Api.Response found = this.api.get("/api/search?q=smile&type=account");
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().path("items")).isEmpty();
		assertThat(found.json().path("unavailable")).isEmpty();
	}

	@Test
	void answersTwoHundredWhenEveryServiceAskedIsDown() {
		Api.Response found = this.api.get("/api/search?q=SO-2026-000042&type=order");
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().path("items")).isEmpty();
		assertThat(found.json().path("unavailable")).extracting(JsonNode::asString).containsExactly("order-service");
	}

	@Test
	void refusesBadInputBeforeAskingAnyService() {
		assertBadRequest("/api/search", "q");
		assertBadRequest("/api/search?q=", "q");
		assertBadRequest("/api/search?q=%20%20", "q");
		assertBadRequest("/api/search?q=" + "x".repeat(201), "q");
		assertBadRequest("/api/search?q=smile&type=product", "type");
		assertBadRequest("/api/search?q=smile&size=0", "size");
		assertBadRequest("/api/search?q=smile&size=51", "size");
		assertBadRequest("/api/search?q=smile&size=all", "size");
		assertThat(asked).isEmpty();
	}

	@Test
	void checksTheTokenLikeEveryRoute() {
		Api.Response refused = new Api("http://127.0.0.1:" + this.port, null).get("/api/search?q=smile");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(asked).isEmpty();
	}

	@Test
	void documentsTheSearchInTheCombinedApiDocument() {
		JsonNode search = new Api("http://127.0.0.1:" + this.port, null).get("/v3/api-docs")
			.json()
			.path("paths")
			.path("/api/search");
		assertThat(search.path("x-service").asString()).isEqualTo("gateway");
		assertThat(search.path("get").path("parameters")).extracting((p) -> p.path("name").asString())
			.containsExactly("q", "type", "size");
	}

	private void assertBadRequest(String path, String field) {
		Api.Response refused = this.api.get(path);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
	}

	private static String service(String path, java.util.function.IntSupplier status, String answer) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		String name = path.contains("leads") ? "lead-service" : "account-service";
		server.createContext(path, (exchange) -> {
			asked.put(name, List.of(exchange.getRequestURI().toString(),
					String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
			int code = status.getAsInt();
			byte[] body = (code == 200) ? answer.getBytes(StandardCharsets.UTF_8)
					: "{\"status\":%d}".formatted(code).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(code, body.length);
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
