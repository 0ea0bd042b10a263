package com.chairside.system;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.ClaimChecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The rows of the access matrix for what a role alone does not decide, through the real gateway and services: a token
 * whose claims cannot be trusted (an account manager without a region or in {@code ALL} or {@code NOWHERE}, a
 * department user without a department or of an unknown one, another issuer or audience) is refused with 401 by
 * every service on every operation and by the gateway on each service's routes; a department's notification is
 * viewed by those who may view it but marked read and acknowledged by that department only (403 for an admin, sales
 * administration or a sales manager).
 */
@Order(6)
class UntrustedClaimsSystemTests {

	static final List<String> SERVICES = List.of("lead-service", "account-service", "order-service",
			"notification-service", "reporting-service");

	static Suite suite;

	static Map<String, String> untrusted;

	@BeforeAll
	static void start() {
		suite = Suite.get();
		untrusted = ClaimChecks.untrustedTokens(suite.identityIssuer(), suite::sign);
	}

	@Test
	void everyServiceRefusesUntrustedClaimsOnEveryOperation() {
		for (String service : SERVICES) {
			Api direct = suite.direct(service);
			assertThat(ClaimChecks.assertEveryOperationRefuses(direct, direct.get("/v3/api-docs").json(), untrusted))
				.as(service)
				.isPositive();
		}
	}

	@Test
	void theGatewayRefusesUntrustedClaimsOnEachServicesRoutes() {
		Api gateway = suite.gateway(null);
		JsonNode merged = gateway.get("/v3/api-docs").json();
		// the first two operations of each service: every route family, without tripping the per-user rate limit
		ObjectNode sample = merged.deepCopy();
		ObjectNode paths = sample.putObject("paths");
		Map<String, Integer> perService = new java.util.HashMap<>();
		Iterator<Map.Entry<String, JsonNode>> all = merged.path("paths").fields();
		while (all.hasNext()) {
			Map.Entry<String, JsonNode> path = all.next();
			String service = path.getValue().path("x-service").asText(path.getKey());
			if (perService.merge(service, 1, Integer::sum) <= 2) {
				paths.set(path.getKey(), path.getValue());
			}
		}
		assertThat(perService.keySet()).hasSizeGreaterThanOrEqualTo(SERVICES.size());
		assertThat(ClaimChecks.assertEveryOperationRefuses(gateway, sample, untrusted)).isPositive();
	}

	@Test
	void onlyTheDepartmentAcknowledgesItsNotification() {
		Api manager = suite.accountManager("SOUTHWEST");
		String account = manager.post("/api/accounts", """
				{"name":"Saguaro Family Dental","specialty":"GENERAL_DENTISTRY","city":"Tucson","country":"US"}""")
			.field("id");
		Api.Response placed = manager.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"EC-ORTHO-100","quantity":1}],"requestedDeliveryDate":"2027-05-01"}"""
			.formatted(account));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		String order = placed.field("id");
		assertThat(manager.post("/api/orders/" + order + "/cancel", """
				{"reason":"Practice chose to lease instead"}""").status()).isEqualTo(200);
		Api production = suite.gateway(suite.token("prod.desk", "DEPARTMENT", null, "PRODUCTION"));
		String query = "/api/notifications?eventType=OrderCancelled&department=PRODUCTION&orderId=" + order;
		await().atMost(Duration.ofSeconds(30)).until(() -> production.get(query).json().path("items").size() == 1);
		String id = production.get(query).json().path("items").get(0).path("id").asText();

		for (Api other : List.of(suite.gateway(suite.token("the.admin", "ADMIN", null, null)),
				suite.gateway(suite.token("sales.admin", "SALES_ADMIN", null, null)),
				suite.gateway(suite.token("sm.southwest", "SALES_MANAGER", "SOUTHWEST", null)))) {
			assertThat(other.get("/api/notifications/" + id).status()).as("they may view it").isEqualTo(200);
			for (String action : List.of("read", "acknowledge")) {
				Api.Response refused = other.post("/api/notifications/" + id + "/" + action, "");
				assertThat(refused.status()).as(action + ": " + refused).isEqualTo(403);
				assertThat(refused.contentType()).startsWith("application/problem+json");
			}
		}
		Api.Response acknowledged = production.post("/api/notifications/" + id + "/acknowledge", "");
		assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
		assertThat(acknowledged.json().path("acknowledgedBy").asText()).isEqualTo("prod.desk");
	}

}
