package com.chairside.order.order;

import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.chairside.order.OrderFixtures;
import com.chairside.order.OrderServiceTest;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Searches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /api/orders/search} over real HTTP, with accounts arriving as events, on the MongoDB-wire store. */
@OrderServiceTest
class OrderSearchIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	OrderSearch search;

	OrderFixtures fixtures;

	Api northeast;

	@BeforeEach
	void setUp() {
		this.fixtures = OrderFixtures.on(this.port);
		this.northeast = this.fixtures.as("ACCOUNT_MANAGER");
	}

	@Test
	void findsAnOrderByItsNumberWholeCompactOrByItsDigits() {
		String id = this.fixtures.place(this.fixtures.openedAccount("NORTHEAST", "Lighthouse Orthodontics"));
		String number = numberOf(id);
		assertThat(number).matches("SO-\\d{4}-\\d{6}");

		assertThat(ids(number)).containsExactly(id);
		assertThat(ids(number.toLowerCase())).containsExactly(id);
		assertThat(ids(number.replace("-", ""))).containsExactly(id);
		assertThat(ids(number.substring(0, number.length() - 1))).contains(id);
		assertThat(ids(number.substring(number.length() - 6))).as("its running number").contains(id);

		JsonNode first = search(this.northeast, number).json().path("items").get(0);
		assertThat(first.path("type").asString()).isEqualTo("order");
		assertThat(first.path("title").asString()).isEqualTo(number + " · Lighthouse Orthodontics");
		assertThat(first.path("subtitle").asString()).startsWith("SUBMITTED · ");
		assertThat(first.path("region").asString()).isEqualTo("NORTHEAST");
	}

	@Test
	void findsOrdersByThePracticesNameIgnoringCaseAndAccents() {
		String account = this.fixtures.openedAccount("NORTHEAST", "Praxis Dr. Ängström Kieferorthopädie");
		String first = this.fixtures.place(account);
		String second = this.fixtures.place(account);
		assertThat(ids("angstrom kieferortho")).containsExactlyInAnyOrder(first, second);
		assertThat(ids("ÄNGSTR")).containsExactlyInAnyOrder(first, second);
		assertThat(ids("angstrom zahn")).isEmpty();
	}

	@Test
	void findsOrdersByTheNewNameOnceTheAccountIsRenamed() {
		String account = this.fixtures.openedAccount("NORTHEAST", "Copperfield Dental");
		String id = this.fixtures.place(account);
		OrderFixtures.kafka.sendCloudEvent("chairside.accounts", account, UUID.randomUUID().toString(),
				"chairside.account.AccountUpdated.v1", 2, """
						{"accountId":"%s","region":"NORTHEAST","changes":[{"field":"name","from":"Copperfield Dental",
						 "to":"Silverbrook Dental"}],"updatedBy":"am.northeast","updatedAt":"2026-11-19T14:02:11.120Z"}"""
					.formatted(account));
		await().untilAsserted(() -> assertThat(ids("silverbrook")).containsExactly(id));
		assertThat(ids("copperfield")).isEmpty();
	}

	@Test
	void neverAnswersAnotherRegionsOrderToAnAccountManager() {
		String account = this.fixtures.openedAccount("SOUTHWEST", "Saguaro Family Dental");
		Api.Response placed = this.fixtures.as("am.southwest", "ACCOUNT_MANAGER", "SOUTHWEST").post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":1}],"requestedDeliveryDate":"2027-03-01"}"""
			.formatted(account));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		String id = placed.field("id");
		assertThat(ids("saguaro")).isEmpty();
		assertThat(ids(numberOf(id))).isEmpty();
		Api manager = this.fixtures.as("sm.all", "SALES_MANAGER", null);
		assertThat(Searches.ids(search(manager, "saguaro"))).containsExactly(id);
		assertThat(Searches.ids(search(manager, numberOf(id)))).containsExactly(id);
	}

	@Test
	void refusesMissingBlankOrOverlongTextAndSizesOutOfRange() {
		Searches.assertBadRequest(this.northeast, "/api/orders/search", "q");
		Searches.assertBadRequest(this.northeast, "/api/orders/search?q=%20", "q");
		Searches.assertBadRequest(this.northeast, "/api/orders/search?q=" + "c".repeat(201), "q");
		Searches.assertBadRequest(this.northeast, "/api/orders/search?q=so&size=0", "size");
		Searches.assertBadRequest(this.northeast, "/api/orders/search?q=so&size=51", "size");
	}

	@Test
	void givesOrdersStoredBeforeSearchTheirTermsWhenReady() {
		String id = this.fixtures.place(this.fixtures.openedAccount("NORTHEAST", "Birchwood Dental"));
		String number = numberOf(id);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset("searchTerms"), "orders");
		assertThat(ids(number)).isEmpty();

		this.search.prepare();

		assertThat(ids(number)).containsExactly(id);
	}

	private String numberOf(String orderId) {
		return this.mongo.findById(orderId, Document.class, "orders").getString("number");
	}

	private List<String> ids(String q) {
		return Searches.ids(search(this.northeast, q));
	}

	private static Api.Response search(Api api, String q) {
		return Searches.search(api, "/api/orders/search", q);
	}

}
