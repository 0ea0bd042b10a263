package com.chairside.order.order;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.order.OrderFixtures;
import com.chairside.order.OrderServiceTest;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe.Received;

import static com.chairside.order.OrderFixtures.awaitEvent;
import static com.chairside.order.OrderFixtures.distinct;
import static org.assertj.core.api.Assertions.assertThat;

/** order-service over real HTTP and a real broker: quotes, orders, changes, fulfilment, cancellations, the form. */
@OrderServiceTest
class OrderIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	OrderFixtures fixtures;

	Api api;

	@BeforeEach
	void signIn() {
		this.fixtures = OrderFixtures.on(this.port);
		this.api = this.fixtures.as("ACCOUNT_MANAGER");
	}

	private String place(String accountId) {
		return this.fixtures.place(accountId);
	}

	private String confirmed(String committedDate) {
		String id = place(this.fixtures.openedAccount());
		assertThat(this.fixtures.move(id, "CONFIRMED", committedDate).status()).isEqualTo(200);
		return id;
	}

	private static JsonNode json(HttpResponse<String> response) throws Exception {
		return JSON.readTree(response.body());
	}

	@Test
	void listsTheSeededCatalogueOfThreeProductLinesWithOptionsAndLeadTimes() {
		JsonNode products = this.api.get("/api/products").json();
		assertThat(products).hasSize(12);
		assertThat(products.findValuesAsString("productLine")).contains("ORTHODONTIC", "ORAL_SURGERY", "PEDIATRIC");
		assertThat(products.findValuesAsString("category")).contains("EXAM_CHAIR", "TREATMENT_CHAIR", "DELIVERY_UNIT",
				"CUSTOM_CABINETRY");
		assertThat(products.get(0).path("listPrice").path("currency").asString()).isEqualTo("USD");
		JsonNode cabinetry = this.api.get("/api/products/CC-ORTHO-400").json();
		assertThat(cabinetry.path("options").has("finish")).isTrue();
		assertThat(cabinetry.path("options").has("dimensions")).isTrue();
		assertThat(cabinetry.path("leadTimeDays").asInt()).isPositive();
		assertThat(this.api.get("/api/products/price-lists").json().findValuesAsString("currency")).contains("USD", "EUR");
	}

	@Test
	void onlyAnAdminMaintainsTheCatalogueAndPriceLists() {
		String product = """
				{"name":"Orthodontic compact chair","productLine":"ORTHODONTIC","category":"TREATMENT_CHAIR",
				 "listPrice":"22500.00","currency":"USD","options":{"upholsteryColour":["GRAPHITE","SAND"]},"leadTimeDays":30}""";
		assertThat(this.api.send("PUT", "/api/products/TC-ORTHO-210", product).status()).isEqualTo(403);
		Api admin = this.fixtures.as("ADMIN");
		assertThat(admin.send("PUT", "/api/products/TC-ORTHO-210", product).status()).isEqualTo(200);
		assertThat(this.api.get("/api/products/TC-ORTHO-210").field("name")).isEqualTo("Orthodontic compact chair");

		String priceList = """
				{"id":"CAD-2026","currency":"CAD","validFrom":"2026-01-01","validUntil":"2028-12-31",
				 "prices":{"TC-ORTHO-210":"30500.00"}}""";
		assertThat(this.api.post("/api/products/price-lists", priceList).status()).isEqualTo(403);
		assertThat(admin.post("/api/products/price-lists", priceList).status()).isEqualTo(201);

		Api.Response canadian = this.api.post("/api/orders", """
				{"accountId":"%s","currency":"CAD","lines":[{"sku":"TC-ORTHO-210","quantity":2,
				 "options":{"upholsteryColour":"SAND"}}],"requestedDeliveryDate":"2027-03-01"}"""
			.formatted(this.fixtures.openedAccount()));
		assertThat(canadian.status()).as(canadian.toString()).isEqualTo(201);
		assertThat(canadian.json().path("total").path("amount").asString()).isEqualTo("61000.00");
		assertThat(canadian.json().path("total").path("currency").asString()).isEqualTo("CAD");
	}

	@Test
	void placesAnOrderAtListPricesAndPublishesOrderPlaced() {
		String accountId = this.fixtures.openedAccount();
		Api.Response placed = this.api.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":2}],"requestedDeliveryDate":"2027-03-01"}"""
			.formatted(accountId));

		assertThat(placed.status()).isEqualTo(201);
		assertThat(placed.field("status")).isEqualTo("SUBMITTED");
		assertThat(placed.json().path("version").isNumber()).isTrue();
		assertThat(placed.header("ETag")).contains("\"" + placed.json().path("version").asLong() + "\"");
		assertThat(placed.json().path("total").path("amount").asString()).isEqualTo("65000.00");
		assertThat(placed.field("region")).isEqualTo("NORTHEAST");

		awaitEvent(placed.field("id"), "OrderPlaced");
	}

	@Test
	void draftsAQuoteAndSubmitsItOnlyOnceASalesManagerApprovedTheDiscount() {
		Api.Response quote = this.api.post("/api/orders", """
				{"accountId":"%s","draft":true,"lines":[{"sku":"TC-ORTHO-200","quantity":2,"discountPercent":15,
				 "options":{"upholsteryColour":"OCEAN_BLUE"}}],"requestedDeliveryDate":"2027-03-01"}"""
			.formatted(this.fixtures.openedAccount()));
		assertThat(quote.status()).as(quote.toString()).isEqualTo(201);
		assertThat(quote.field("status")).isEqualTo("DRAFT");
		assertThat(quote.json().path("total").path("amount").asString()).isEqualTo("55250.00");
		String id = quote.field("id");
		awaitEvent(id, "OrderDrafted");

		Api.Response refused = this.api.post("/api/orders/" + id + "/submit", "{}");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.field("code")).isEqualTo("DISCOUNT_NEEDS_APPROVAL");
		assertThat(this.api.post("/api/orders/" + id + "/discount-approval", "{}").status()).isEqualTo(403);

		Api.Response approved = this.fixtures.as("SALES_MANAGER").post("/api/orders/" + id + "/discount-approval", "{}");
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.field("discountApprovedBy")).isEqualTo("sales_manager");
		assertThat(awaitEvent(id, "DiscountApproved").value()).contains("\"discountPercent\":\"15\"");

		Api.Response submitted = this.api.post("/api/orders/" + id + "/submit", "{}");
		assertThat(submitted.status()).isEqualTo(200);
		assertThat(submitted.field("status")).isEqualTo("SUBMITTED");
		assertThat(awaitEvent(id, "OrderPlaced").value()).contains("\"discountPercent\":\"15\"", "OCEAN_BLUE");
		assertThat(this.api.post("/api/orders/" + id + "/submit", "{}").status()).isEqualTo(409);
	}

	@Test
	void changesAnOrderAndListsWhatChangedAndWhichDepartmentsItTouches() {
		String id = place(this.fixtures.openedAccount());

		Api.Response changed = this.api.patch("/api/orders/" + id, """
				{"reason":"Practice adds a third operatory","lines":[{"sku":"TC-ORTHO-200","quantity":3},
				 {"sku":"DU-ORTHO-300","quantity":2}],"requestedDeliveryDate":"2027-03-15"}""");

		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.json().path("lines")).hasSize(2);
		assertThat(changed.field("requestedDeliveryDate")).isEqualTo("2027-03-15");
		Received event = awaitEvent(id, "OrderChanged");
		assertThat(event.value()).contains("\"field\":\"lines[TC-ORTHO-200].quantity\",\"before\":\"2\",\"after\":\"3\"")
			.contains("\"field\":\"requestedDeliveryDate\",\"before\":\"2027-03-01\",\"after\":\"2027-03-15\"")
			.contains("Practice adds a third operatory")
			.contains("\"departments\":[\"SALES_ADMINISTRATION\",\"PRODUCTION\",\"LOGISTICS\",\"INSTALLATION\",\"FINANCE\"]")
			.contains("\"affectsProduction\":false");
	}

	@Test
	void aMovedDeliverySiteConcernsLogisticsAndInstallationOnly() {
		String id = place(this.fixtures.openedAccount());
		Api.Response changed = this.api.patch("/api/orders/" + id,
				"{\"reason\":\"Practice moves to its new building\",\"deliverySite\":\"12 Harbor St, Boston\"}");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(awaitEvent(id, "OrderChanged").value())
			.contains("\"field\":\"deliverySite\",\"before\":null,\"after\":\"12 Harbor St, Boston\"")
			.contains("\"departments\":[\"SALES_ADMINISTRATION\",\"LOGISTICS\",\"INSTALLATION\"]");
	}

	@Test
	void aStaleChangeAnswers412AndChangesNothing() throws Exception {
		String id = place(this.fixtures.openedAccount());
		HttpResponse<String> read = this.fixtures.send("GET", "/api/orders/" + id, null, "ACCOUNT_MANAGER");
		String etag = read.headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> first = this.fixtures.send("PATCH", "/api/orders/" + id,
				"{\"reason\":\"Contractor is late\",\"requestedDeliveryDate\":\"2027-04-01\"}", "ACCOUNT_MANAGER",
				"If-Match", etag);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);

		HttpResponse<String> stale = this.fixtures.send("PATCH", "/api/orders/" + id,
				"{\"reason\":\"Based on what I read before\",\"requestedDeliveryDate\":\"2027-05-01\"}",
				"ACCOUNT_MANAGER", "If-Match", etag);
		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(stale.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
		assertThat(json(stale).path("code").asString()).isEqualTo("STALE_VERSION");
		HttpResponse<String> staleCancel = this.fixtures.send("POST", "/api/orders/" + id + "/cancel",
				"{\"reason\":\"stale\"}", "ACCOUNT_MANAGER", "If-Match", etag);
		assertThat(staleCancel.statusCode()).isEqualTo(412);

		JsonNode now = this.api.get("/api/orders/" + id).json();
		assertThat(now.path("requestedDeliveryDate").asString()).isEqualTo("2027-04-01");
		assertThat(now.path("status").asString()).isEqualTo("SUBMITTED");
		awaitEvent(id, "OrderChanged");
		assertThat(distinct(id, "OrderChanged")).isEqualTo(1);
	}

	@Test
	void onlySalesAdministrationMovesAnOrderThroughFulfilmentOneStepAtATime() {
		String id = place(this.fixtures.openedAccount());
		assertThat(this.api.post("/api/orders/" + id + "/status", "{\"status\":\"CONFIRMED\",\"committedDeliveryDate\":\"2027-03-10\"}")
			.status()).isEqualTo(403);
		Api.Response skipping = this.fixtures.move(id, "SHIPPED", null);
		assertThat(skipping.status()).isEqualTo(409);
		assertThat(skipping.field("code")).isEqualTo("TRANSITION_NOT_ALLOWED");
		assertThat(skipping.field("detail")).contains("the next step is CONFIRMED");
		Api.Response undated = this.fixtures.move(id, "CONFIRMED", null);
		assertThat(undated.status()).isEqualTo(400);
		assertThat(undated.json().path("errors").findValuesAsString("field")).containsExactly("committedDeliveryDate");

		Api.Response confirmed = this.fixtures.move(id, "CONFIRMED", "2027-03-10");
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.field("committedDeliveryDate")).isEqualTo("2027-03-10");
		assertThat(awaitEvent(id, "OrderConfirmed").value()).contains("\"committedDeliveryDate\":\"2027-03-10\"");
		awaitEvent(id, "OrderStatusChanged");

		assertThat(this.fixtures.move(id, "IN_PRODUCTION", null).status()).isEqualTo(200);
		Api.Response late = this.api.patch("/api/orders/" + id, "{\"reason\":\"One more unit\",\"lines\":["
				+ "{\"sku\":\"TC-ORTHO-200\",\"quantity\":3},{\"sku\":\"DU-ORTHO-300\",\"quantity\":2}]}");
		assertThat(late.status()).isEqualTo(200);
		assertThat(awaitEvent(id, "OrderChanged").value()).contains("\"affectsProduction\":true");
		Api.Response lateCancel = this.api.post("/api/orders/" + id + "/cancel", "{\"reason\":\"Changed our mind\"}");
		assertThat(lateCancel.status()).isEqualTo(409);
		assertThat(lateCancel.field("code")).isEqualTo("LATE_CANCELLATION_NEEDS_APPROVAL");

		assertThat(this.fixtures.move(id, "SHIPPED", null).status()).isEqualTo(200);
		Api.Response afterShipment = this.api.patch("/api/orders/" + id,
				"{\"reason\":\"Too late\",\"requestedDeliveryDate\":\"2027-06-01\"}");
		assertThat(afterShipment.status()).isEqualTo(409);
		assertThat(afterShipment.field("code")).isEqualTo("ORDER_SHIPPED");
		assertThat(this.fixtures.as("SALES_MANAGER").post("/api/orders/" + id + "/cancel", "{\"reason\":\"x\"}").status())
			.isEqualTo(409);
		assertThat(this.fixtures.move(id, "DELIVERED", null).status()).isEqualTo(200);
		Api.Response installed = this.fixtures.move(id, "INSTALLED", null);
		assertThat(installed.field("status")).isEqualTo("INSTALLED");
		assertThat(this.api.get("/api/orders/" + id).field("requestedDeliveryDate")).isEqualTo("2027-03-01");
	}

	@Test
	void aSalesManagerCancelsAnOrderInProduction() {
		String id = confirmed("2027-03-10");
		assertThat(this.fixtures.move(id, "IN_PRODUCTION", null).status()).isEqualTo(200);

		Api.Response cancelled = this.fixtures.as("SALES_MANAGER").post("/api/orders/" + id + "/cancel",
				"{\"reason\":\"Practice sold before opening\"}");
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(awaitEvent(id, "OrderCancelled").value()).contains("\"affectsProduction\":true",
				"\"approvedBy\":\"sales_manager\"");
	}

	@Test
	void cancelsAnOrderOnceAndRefusesChangesAfterwards() {
		String id = place(this.fixtures.openedAccount());

		Api.Response cancelled = this.api.post("/api/orders/" + id + "/cancel", "{\"reason\":\"Practice closed\"}");
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.field("status")).isEqualTo("CANCELLED");
		assertThat(this.api.post("/api/orders/" + id + "/cancel", "{\"reason\":\"again\"}").status()).isEqualTo(200);

		Api.Response refused = this.api.patch("/api/orders/" + id, "{\"reason\":\"too late\",\"requestedDeliveryDate\":\"2027-05-01\"}");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.field("code")).isEqualTo("ORDER_CANCELLED");

		awaitEvent(id, "OrderCancelled");
		// The outbox may deliver an event twice (a save racing the relay), never two different cancellations.
		assertThat(distinct(id, "OrderCancelled")).as("cancelled once").isEqualTo(1);
	}

	@Test
	void keepsTheFullHistoryOfAnOrder() {
		String id = confirmed("2027-03-10");
		this.api.patch("/api/orders/" + id, "{\"reason\":\"Later, please\",\"requestedDeliveryDate\":\"2027-03-20\"}");

		JsonNode history = this.api.get("/api/orders/" + id + "/history").json();
		assertThat(history.findValuesAsString("event")).containsExactly("OrderPlaced", "OrderStatusChanged",
				"OrderChanged");
		assertThat(history.get(2).path("reason").asString()).isEqualTo("Later, please");
		assertThat(history.get(2).path("changes").get(0).path("after").asString()).isEqualTo("2027-03-20");
		assertThat(history.get(1).path("by").asString()).isEqualTo("sales_admin");
	}

	@Test
	void printsTheOrderFormAsAPdf() throws Exception {
		String id = confirmed("2027-03-10");
		HttpResponse<byte[]> form = this.fixtures.send("GET", "/api/orders/" + id + "/form", null, "ACCOUNT_MANAGER",
				HttpResponse.BodyHandlers.ofByteArray(), "Accept", "application/pdf");

		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.headers().firstValue("Content-Type")).get().asString().startsWith("application/pdf");
		assertThat(new String(form.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
		try (PDDocument pdf = Loader.loadPDF(form.body())) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains(id, "TC-ORTHO-200", "2027-03-10", "Order confirmation", "OrderStatusChanged");
		}
	}

	@Test
	void rejectsBadOrdersNamingTheField() {
		String accountId = this.fixtures.openedAccount();
		Api.Response unknownSku = this.api.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"NOPE","quantity":1}],"requestedDeliveryDate":"2027-03-01"}"""
			.formatted(accountId));
		assertThat(unknownSku.status()).isEqualTo(400);
		assertThat(unknownSku.json().path("errors").findValuesAsString("field")).containsExactly("lines[0].sku");

		Api.Response zero = this.api.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":0}],"requestedDeliveryDate":"2020-01-01"}"""
			.formatted(accountId));
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.json().path("errors").findValuesAsString("field")).contains("lines[0].quantity", "requestedDeliveryDate");

		Api.Response badDate = this.api.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":1}],"requestedDeliveryDate":"March"}"""
			.formatted(accountId));
		assertThat(badDate.json().path("errors").findValuesAsString("field")).containsExactly("requestedDeliveryDate");

		Api.Response badOption = this.api.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":1,"options":{"upholsteryColour":"GOLD"}}],
				 "requestedDeliveryDate":"2027-03-01"}""".formatted(accountId));
		assertThat(badOption.json().path("errors").findValuesAsString("field"))
			.containsExactly("lines[0].options.upholsteryColour");

		String id = place(accountId);
		assertThat(this.api.patch("/api/orders/" + id, "{\"reason\":\"nothing\"}").status()).isEqualTo(400);
		assertThat(this.api.patch("/api/orders/" + id, "{\"requestedDeliveryDate\":\"2027-04-01\"}").json()
			.path("errors").findValuesAsString("field")).contains("reason");
		assertThat(this.api.get("/api/orders/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(this.api.as(Infrastructure.get().token("am.west", "ACCOUNT_MANAGER", "WEST")).get("/api/orders/" + id)
			.status()).isEqualTo(404);
		assertThat(LocalDate.parse("2027-03-01")).isAfter(LocalDate.now());
	}

}
