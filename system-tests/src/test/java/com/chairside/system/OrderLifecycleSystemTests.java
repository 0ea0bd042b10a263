package com.chairside.system;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An order's life through the gateway: versioned changes (a stale one answers 412 and changes nothing), confirmation
 * by sales administration — which turns the account into a customer in account-service, by event — the fulfilment
 * steps, no change after shipment, and the printable order form.
 */
@Order(1)
class OrderLifecycleSystemTests {

	static Suite suite;

	@BeforeAll
	static void start() {
		suite = Suite.get();
	}

	@Test
	void anOrderIsConfirmedFulfilledAndPrintedAndItsAccountBecomesACustomer() {
		Api manager = suite.accountManager("NORTHWEST");
		Api salesAdmin = suite.gateway(suite.token("sales.admin", "SALES_ADMIN", null, null));
		String account = manager.post("/api/accounts", """
				{"name":"Cascade Orthodontics","specialty":"ORTHODONTICS","city":"Seattle","country":"US"}""").field("id");
		Api.Response placed = manager.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"EC-ORTHO-100","quantity":2}],"requestedDeliveryDate":"2027-02-01"}"""
			.formatted(account));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		String order = placed.field("id");
		String etag = manager.get("/api/orders/" + order).header("ETag").orElseThrow();

		Api.Response changed = manager.send("PATCH", "/api/orders/" + order, """
				{"reason":"Second exam room","lines":[{"sku":"EC-ORTHO-100","quantity":3}]}""", Map.of("If-Match", etag));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		Api.Response stale = manager.send("PATCH", "/api/orders/" + order, """
				{"reason":"Based on what I saw before","lines":[{"sku":"EC-ORTHO-100","quantity":9}]}""", Map.of("If-Match", etag));
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.contentType()).startsWith("application/problem+json");
		assertThat(manager.get("/api/orders/" + order).json().path("lines").get(0).path("quantity").asInt()).isEqualTo(3);

		assertThat(manager.post("/api/orders/" + order + "/status", """
				{"status":"CONFIRMED","committedDeliveryDate":"2027-02-10"}""").status())
			.as("only sales administration confirms").isEqualTo(403);
		Api.Response confirmed = salesAdmin.post("/api/orders/" + order + "/status", """
				{"status":"CONFIRMED","committedDeliveryDate":"2027-02-10"}""");
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		assertThat(confirmed.field("status")).isEqualTo("CONFIRMED");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "CUSTOMER".equals(manager.get("/api/accounts/" + account).field("status")));

		for (String status : new String[] { "IN_PRODUCTION", "SHIPPED" }) {
			Api.Response moved = salesAdmin.post("/api/orders/" + order + "/status", "{\"status\":\"" + status + "\"}");
			assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		}
		Api.Response tooLate = manager.patch("/api/orders/" + order, """
				{"reason":"One more","lines":[{"sku":"EC-ORTHO-100","quantity":4}]}""");
		assertThat(tooLate.status()).as("no change after shipment").isEqualTo(409);

		Api.Response form = manager.send("GET", "/api/orders/" + order + "/form", null, Map.of("Accept", "application/pdf"));
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.contentType()).startsWith("application/pdf");
		assertThat(form.body()).startsWith("%PDF");
	}

}
