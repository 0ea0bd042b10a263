package com.chairside.system;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Through the gateway: an order cancelled by its account manager reaches every department's inbox; production
 * acknowledges its notification, finance cannot acknowledge production's, and an admin's dry run shows the same reach.
 */
@Order(1)
class NotificationSystemTests {

	static Suite suite;

	@BeforeAll
	static void start() {
		suite = Suite.get();
	}

	@Test
	void aCancelledOrderReachesEveryDepartmentAndProductionAcknowledgesIt() {
		Api manager = suite.accountManager("SOUTHEAST");
		String account = manager.post("/api/accounts", """
				{"name":"Mesa Orthodontics","specialty":"ORTHODONTICS","city":"Phoenix","country":"US"}""").field("id");
		Api.Response placed = manager.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"EC-ORTHO-100","quantity":1}],"requestedDeliveryDate":"2027-05-01"}"""
			.formatted(account));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		String order = placed.field("id");
		assertThat(manager.post("/api/orders/" + order + "/cancel", """
				{"reason":"Practice chose to lease instead"}""").status()).isEqualTo(200);

		Api production = suite.gateway(suite.token("prod.lead", "DEPARTMENT", null, "PRODUCTION"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> production.get("/api/notifications?eventType=OrderCancelled&orderId=" + order).json()
				.path("items").size() == 1);
		JsonNode notification = production.get("/api/notifications?orderId=" + order + "&eventType=OrderCancelled")
			.json().path("items").get(0);
		String id = notification.path("id").asString();
		assertThat(notification.path("department").asString()).isEqualTo("PRODUCTION");
		assertThat(notification.path("acknowledgedAt").isNull()).isTrue();

		Api finance = suite.gateway(suite.token("fin.lead", "DEPARTMENT", null, "FINANCE"));
		assertThat(finance.post("/api/notifications/" + id + "/acknowledge", "").status()).isEqualTo(404);

		Api.Response acknowledged = production.post("/api/notifications/" + id + "/acknowledge", "");
		assertThat(acknowledged.status()).as(acknowledged.toString()).isEqualTo(200);
		assertThat(acknowledged.json().path("status").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(acknowledged.json().path("acknowledgedAt").isNull()).isFalse();

		Api salesAdmin = suite.gateway(suite.token("sales.admin", "SALES_ADMIN", null, null));
		assertThat(salesAdmin.get("/api/notifications?eventType=OrderCancelled&orderId=" + order).json().path("items"))
			.extracting((n) -> n.path("department").asString())
			.containsExactlyInAnyOrder("SALES_ADMINISTRATION", "PRODUCTION", "LOGISTICS", "INSTALLATION", "FINANCE");
		Api admin = suite.gateway(suite.token("the.admin", "ADMIN", null, null));
		Api.Response dryRun = admin.post("/api/notification-rules/dry-run", """
				{"type":"chairside.order.OrderCancelled.v1","data":{"orderId":"x","accountId":"%s","region":"SOUTHEAST",
				 "reason":"r","total":{"amount":"1.00","currency":"USD"}}}""".formatted(account));
		assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
		assertThat(dryRun.json().path("departments")).hasSize(5);
	}

}
