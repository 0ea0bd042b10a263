package com.chairside.system;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.chairside.devstack.MailSink.Mail;
import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The flow of an account manager of NORTHEAST, through the gateway with a JWT, over the real broker: a lead captured,
 * its decision maker found, qualified and converted; the account opened from the event; two orders placed, one changed
 * and one cancelled; then what the departments were told and what the sales meeting reads.
 */
@Order(1)
class SalesFlowSystemTests {

	static Suite suite;

	@BeforeAll
	static void start() {
		suite = Suite.get();
	}

	@Test
	void anAccountManagerTakesALeadToOrdersAndEveryDepartmentConcernedHears() {
		Api api = suite.accountManager("NORTHEAST");

		// 1. capture
		Api.Response lead = api.post("/api/leads", """
				{"practiceName":"Smile Orthodontics","specialty":"ORTHODONTICS","region":"NORTHEAST",
				 "source":"CONFERENCE","city":"Boston","country":"US",
				 "productInterests":["TREATMENT_CHAIR","DELIVERY_UNIT"],
				 "estimatedValue":{"amount":"85000.00","currency":"USD"}}""");
		assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
		String leadId = lead.field("id");
		assertThat(lead.header("Location")).isPresent();

		// 3 (too early). qualification needs a decision maker
		assertThat(api.post("/api/leads/" + leadId + "/qualify", "{}").status()).isEqualTo(422);

		// 2. the decision maker
		Api.Response contact = api.post("/api/leads/" + leadId + "/contacts", """
				{"name":"Practice Owner","title":"Owner","email":"owner@smile.example",
				 "phone":"+1 617 555 0100","buyingRole":"DECISION_MAKER"}""");
		assertThat(contact.status()).isEqualTo(201);

		// 3. qualify
		Api.Response qualified = api.post("/api/leads/" + leadId + "/qualify", "{}");
		assertThat(qualified.status()).isEqualTo(200);
		assertThat(qualified.field("status")).isEqualTo("QUALIFIED");

		// 4. convert: account-service opens the account from LeadConverted
		Api.Response converted = api.post("/api/leads/" + leadId + "/convert", "{}");
		assertThat(converted.status()).isIn(200, 202);
		String accountId = converted.field("accountId");
		String convertTrace = converted.header("traceparent").orElseThrow().split("-")[1];
		await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/accounts/" + accountId).status() == 200);
		assertThat(api.get("/api/accounts/" + accountId).field("name")).isEqualTo("Smile Orthodontics");

		// 5. the catalogue and two orders
		JsonNode products = api.get("/api/products").json();
		assertThat(products.findValuesAsString("productLine")).contains("ORTHODONTIC", "ORAL_SURGERY", "PEDIATRIC");
		Api.Response first = api.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":2},{"sku":"DU-ORTHO-300","quantity":2}],
				 "requestedDeliveryDate":"2027-03-01"}""".formatted(accountId));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.json().has("version")).isTrue();
		String kept = first.field("id");
		String dropped = api.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"CC-ORTHO-400","quantity":4}],"requestedDeliveryDate":"2027-04-01"}"""
			.formatted(accountId)).field("id");

		// 6. change one: a quantity and the delivery date
		Api.Response changed = api.patch("/api/orders/" + kept, """
				{"reason":"Practice adds a third operatory","lines":[{"sku":"TC-ORTHO-200","quantity":3},
				 {"sku":"DU-ORTHO-300","quantity":2}],"requestedDeliveryDate":"2027-03-15"}""");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		String bookedAfterChange = changed.json().path("total").path("amount").asString();

		// 7. cancel the other
		Api.Response cancelled = api.post("/api/orders/" + dropped + "/cancel", "{\"reason\":\"Budget moved to next year\"}");
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.field("status")).isEqualTo("CANCELLED");

		// The departments: the change reaches sales administration, production and logistics; the cancellation all five.
		Api salesAdmin = suite.gateway(suite.token("sales.admin", "SALES_ADMIN", null, null));
		for (String department : List.of("SALES_ADMINISTRATION", "PRODUCTION", "LOGISTICS")) {
			await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes(salesAdmin, department, kept).contains("OrderChanged"));
		}
		for (String department : List.of("SALES_ADMINISTRATION", "PRODUCTION", "LOGISTICS", "INSTALLATION", "FINANCE")) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> eventTypes(salesAdmin, department, dropped).contains("OrderCancelled"));
		}
		assertThat(eventTypes(api, "PRODUCTION", kept)).as("the account manager sees them too")
			.containsOnlyOnce("OrderChanged");
		// Mails name the practice and the order number, never the order's id.
		String keptNumber = api.get("/api/orders/" + kept).field("number");
		String droppedNumber = api.get("/api/orders/" + dropped).field("number");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(mailsAbout(droppedNumber, "cancelled")).hasSize(5));
		assertThat(mailsAbout(droppedNumber, "cancelled")).extracting(Mail::subject)
			.allMatch((subject) -> !subject.contains(dropped));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(mailsAbout(keptNumber, "changed"))
			.extracting(Mail::to)
			.containsExactlyInAnyOrder("sales-administration@chairside.example", "production@chairside.example",
					"logistics@chairside.example", "installation@chairside.example", "finance@chairside.example"));

		// The sales meeting's numbers for NORTHEAST.
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode pipeline = api.get("/api/reports/pipeline?region=NORTHEAST").json();
			return pipeline.path("leadsByStatus").path("CONVERTED").asLong() == 1;
		});
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			JsonNode orders = api.get("/api/reports/orders?region=NORTHEAST").json();
			return orders.path("ordersPlaced").asLong() == 2 && orders.path("ordersChanged").asLong() == 1
					&& orders.path("ordersCancelled").asLong() == 1;
		});
		JsonNode orders = api.get("/api/reports/orders?region=NORTHEAST").json();
		assertThat(orders.path("region").asString()).isEqualTo("NORTHEAST");
		assertThat(orders.path("bookedValue").path("amount").asString()).isEqualTo(bookedAfterChange);
		assertThat(orders.path("bookedValue").path("currency").asString()).isEqualTo("USD");

		// One trace from the gateway through lead-service and Kafka into account-service's log.
		assertThat(suite.process("gateway").logText()).contains(convertTrace);
		assertThat(suite.process("account-service").logText()).contains(convertTrace);
	}

	@Test
	void theGatewayRefusesWhatTheSalesUiMustNotDo() {
		Api anonymous = suite.gateway(null);
		Api.Response noToken = anonymous.get("/api/leads");
		assertThat(noToken.status()).isEqualTo(401);
		assertThat(noToken.contentType()).startsWith("application/problem+json");
		assertThat(suite.gateway("forged.token.value").get("/api/orders").status()).isEqualTo(401);
		assertThat(suite.gateway(suite.token("prod", "DEPARTMENT", null, "PRODUCTION")).post("/api/leads", "{}").status())
			.isEqualTo(403);
		Api.Response bad = suite.accountManager("NORTHEAST").post("/api/orders", "{\"lines\":[]}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().path("errors").findValuesAsString("field")).contains("accountId", "lines",
				"requestedDeliveryDate");
		assertThat(suite.accountManager("NORTHEAST").get("/api/orders/no-such-order").status()).isEqualTo(404);
		assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	@Test
	void everyServicePublishesItsOpenApiDocument() {
		for (String service : Suite.SERVICES) {
			Api.Response docs = suite.direct(service).get("/v3/api-docs");
			assertThat(docs.status()).as(service).isEqualTo(200);
			assertThat(docs.json().path("openapi").asString()).as(service).startsWith("3.");
			assertThat(docs.json().path("paths").size()).as(service).isPositive();
		}
		assertThat(suite.direct("order-service").get("/v3/api-docs").json().path("paths").has("/api/orders/{id}/cancel"))
			.isTrue();
	}

	@Test
	void theGatewayServesOneDocumentOfAllServices() {
		// A service's first document is generated when first asked (seconds, cold, on a busy machine) and the gateway
		// waits 3 s for each: until then the combined document names it under x-unavailable.
		JsonNode combined = await("every service answered").atMost(Duration.ofSeconds(90))
			.until(() -> suite.gateway(null).get("/v3/api-docs").json(), (doc) -> doc.path("x-unavailable").isEmpty());
		JsonNode paths = combined.path("paths");
		assertThat(List.of("/api/leads", "/api/accounts", "/api/orders/{id}/cancel", "/api/notifications",
				"/api/reports/pipeline"))
			.allSatisfy((path) -> assertThat(paths.has(path)).as(path).isTrue());
	}

	private static List<String> eventTypes(Api api, String department, String orderId) {
		return api.get("/api/notifications?department=" + department + "&orderId=" + orderId).json().path("items")
			.findValuesAsString("eventType");
	}

	/** The mails whose subject names the order and what happened to it. */
	private static List<Mail> mailsAbout(String orderNumber, String happened) {
		return suite.mail().received().stream()
			.filter(m -> m.subject().contains(orderNumber + " " + happened))
			.toList();
	}

}
