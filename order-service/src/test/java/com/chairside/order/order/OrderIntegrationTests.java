package com.chairside.order.order;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.ServiceIntegrationTest;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order-service over real HTTP and a real broker; its accounts arrive as account-service's contract example. (The
 * HTTP fallback to a running account-service is exercised by the system tests; here account-service is unreachable.)
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "chairside.accounts.url=http://127.0.0.1:9")
class OrderIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void signIn() {
		this.api = Api.local(this.port, Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
	}

	/** Publishes account-service's AccountOpened example for a new account and waits until orders can use it. */
	private String openedAccount() {
		String accountId = UUID.randomUUID().toString();
		kafka.sendCloudEvent("chairside.accounts", accountId, UUID.randomUUID().toString(),
				"chairside.account.AccountOpened.v1", 1,
				Contracts.example("chairside.account.AccountOpened.v1", "accountId", accountId));
		await().until(() -> kafka.consumedAll("order-service", "chairside.accounts"));
		return accountId;
	}

	private String place(String accountId) {
		Api.Response placed = this.api.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":2},{"sku":"DU-ORTHO-300","quantity":2}],
				 "requestedDeliveryDate":"2027-03-01"}""".formatted(accountId));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		return placed.field("id");
	}

	@Test
	void listsTheSeededCatalogueOfThreeProductLines() {
		JsonNode products = this.api.get("/api/products").json();
		assertThat(products).hasSize(12);
		assertThat(products.findValuesAsText("productLine")).contains("ORTHODONTIC", "ORAL_SURGERY", "PEDIATRIC");
		assertThat(products.get(0).path("listPrice").path("currency").asText()).isEqualTo("USD");
	}

	@Test
	void placesAnOrderAtListPricesAndPublishesOrderPlaced() {
		String accountId = openedAccount();
		Api.Response placed = this.api.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":2}],"requestedDeliveryDate":"2027-03-01"}"""
			.formatted(accountId));

		assertThat(placed.status()).isEqualTo(201);
		assertThat(placed.field("status")).isEqualTo("PLACED");
		assertThat(placed.json().path("version").isNumber()).isTrue();
		assertThat(placed.json().path("total").path("amount").asText()).isEqualTo("65000.00");
		assertThat(placed.field("region")).isEqualTo("NORTHEAST");

		Received event = awaitEvent(placed.field("id"), "chairside.order.OrderPlaced.v1");
		assertThat(Contracts.violations("chairside.order.OrderPlaced.v1", event.value())).isEmpty();
	}

	@Test
	void changesAnOrderAndListsWhatChangedBeforeAndAfter() {
		String id = place(openedAccount());

		Api.Response changed = this.api.patch("/api/orders/" + id, """
				{"reason":"Practice adds a third operatory","lines":[{"sku":"TC-ORTHO-200","quantity":3},
				 {"sku":"DU-ORTHO-300","quantity":2}],"requestedDeliveryDate":"2027-03-15"}""");

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().path("lines")).hasSize(2);
		assertThat(changed.field("requestedDeliveryDate")).isEqualTo("2027-03-15");
		Received event = awaitEvent(id, "chairside.order.OrderChanged.v1");
		assertThat(Contracts.violations("chairside.order.OrderChanged.v1", event.value())).isEmpty();
		assertThat(event.value()).contains("\"field\":\"lines[TC-ORTHO-200].quantity\",\"before\":\"2\",\"after\":\"3\"")
			.contains("\"field\":\"requestedDeliveryDate\",\"before\":\"2027-03-01\",\"after\":\"2027-03-15\"")
			.contains("Practice adds a third operatory");
	}

	@Test
	void cancelsAnOrderOnceAndRefusesChangesAfterwards() {
		String id = place(openedAccount());

		Api.Response cancelled = this.api.post("/api/orders/" + id + "/cancel", "{\"reason\":\"Practice closed\"}");
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.field("status")).isEqualTo("CANCELLED");
		assertThat(this.api.post("/api/orders/" + id + "/cancel", "{\"reason\":\"again\"}").status()).isEqualTo(200);

		Api.Response refused = this.api.patch("/api/orders/" + id, "{\"reason\":\"too late\",\"requestedDeliveryDate\":\"2027-05-01\"}");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.field("code")).isEqualTo("ORDER_CANCELLED");

		Received event = awaitEvent(id, "chairside.order.OrderCancelled.v1");
		assertThat(Contracts.violations("chairside.order.OrderCancelled.v1", event.value())).isEmpty();
		// The outbox may deliver an event twice (a save racing the relay), never two different cancellations.
		assertThat(kafka.records("chairside.orders").stream()
			.filter(r -> id.equals(r.key()) && r.header("ce_type").endsWith("OrderCancelled.v1"))
			.map(r -> r.header("ce_id"))
			.distinct()).as("cancelled once").hasSize(1);
	}

	@Test
	void rejectsBadOrdersNamingTheField() {
		String accountId = openedAccount();
		Api.Response unknownSku = this.api.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"NOPE","quantity":1}],"requestedDeliveryDate":"2027-03-01"}"""
			.formatted(accountId));
		assertThat(unknownSku.status()).isEqualTo(400);
		assertThat(unknownSku.json().path("errors").findValuesAsText("field")).containsExactly("lines[0].sku");

		Api.Response zero = this.api.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":0}],"requestedDeliveryDate":"2020-01-01"}"""
			.formatted(accountId));
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.json().path("errors").findValuesAsText("field")).contains("lines[0].quantity", "requestedDeliveryDate");

		Api.Response badDate = this.api.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":1}],"requestedDeliveryDate":"March"}"""
			.formatted(accountId));
		assertThat(badDate.json().path("errors").findValuesAsText("field")).containsExactly("requestedDeliveryDate");

		String id = place(accountId);
		assertThat(this.api.patch("/api/orders/" + id, "{\"reason\":\"nothing\"}").status()).isEqualTo(400);
		assertThat(this.api.patch("/api/orders/" + id, "{\"requestedDeliveryDate\":\"2027-04-01\"}").json()
			.path("errors").findValuesAsText("field")).contains("reason");
		assertThat(this.api.get("/api/orders/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(this.api.as(Infrastructure.get().token("am.west", "ACCOUNT_MANAGER", "WEST")).get("/api/orders/" + id)
			.status()).isEqualTo(404);
	}

	@Test
	void answersServiceUnavailableForAnUnknownAccountWhileAccountServiceIsDown() {
		Api.Response answer = this.api.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":1}],"requestedDeliveryDate":"2027-03-01"}"""
			.formatted(UUID.randomUUID()));
		assertThat(answer.status()).isEqualTo(503);
	}

	private static Received awaitEvent(String key, String type) {
		return kafka.awaitRecord("chairside.orders", key, type);
	}

}
