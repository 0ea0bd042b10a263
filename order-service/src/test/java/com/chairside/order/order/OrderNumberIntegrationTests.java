package com.chairside.order.order;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.chairside.order.OrderFixtures;
import com.chairside.order.OrderServiceTest;
import com.chairside.order.delivery.DeliveryWatch;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.MutableClock;

import static com.chairside.order.OrderFixtures.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order numbers over real HTTP, store and broker: given at creation, unique under concurrent creates, found by
 * {@code ?number=} within the caller's region, carried by every order event and printed on the form; orders stored
 * before numbers existed get one.
 */
@OrderServiceTest
class OrderNumberIntegrationTests {

	private static final String NUMBER = "SO-\\d{4}-\\d{6}";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	OrderStoreUpgrade upgrade;

	@Autowired
	DeliveryWatch watch;

	@Autowired
	MutableClock clock;

	OrderFixtures fixtures;

	Api accountManager;

	@BeforeEach
	void signIn() {
		this.fixtures = OrderFixtures.on(this.port);
		this.accountManager = this.fixtures.as("ACCOUNT_MANAGER");
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private String year() {
		return String.valueOf(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).getYear());
	}

	private static String order(String accountId, boolean draft, String discount) {
		return """
				{"accountId":"%s","draft":%s,"lines":[{"sku":"TC-ORTHO-200","quantity":1,"discountPercent":%s}],
				 "requestedDeliveryDate":"2027-03-01"}""".formatted(accountId, draft, discount);
	}

	private static String orderNumberOf(String eventJson) throws Exception {
		return JSON.readTree(eventJson).path("orderNumber").asString();
	}

	@Test
	void concurrentCreatesGetUniqueWellFormedNumbersOfTheYear() throws Exception {
		String accountId = this.fixtures.openedAccount();
		int creates = 24;
		ExecutorService pool = Executors.newFixedThreadPool(12);
		List<Future<Api.Response>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < creates; i++) {
				String body = order(accountId, i % 2 == 0, "0");
				answers.add(pool.submit((Callable<Api.Response>) () -> this.accountManager.post("/api/orders", body)));
			}
			List<String> numbers = new ArrayList<>();
			for (Future<Api.Response> answer : answers) {
				Api.Response created = answer.get();
				assertThat(created.status()).as(created.toString()).isEqualTo(201);
				numbers.add(created.field("number"));
			}
			assertThat(numbers).allSatisfy((n) -> assertThat(n).matches(NUMBER).startsWith("SO-" + year() + "-"));
			assertThat(numbers).doesNotHaveDuplicates().hasSize(creates);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void findsAnOrderByItsNumberWithinTheCallersRegionOnly() {
		Api.Response placed = this.accountManager.post("/api/orders", order(this.fixtures.openedAccount(), false, "0"));
		String id = placed.field("id");
		String number = placed.field("number");
		assertThat(number).matches(NUMBER);
		assertThat(this.accountManager.get("/api/orders/" + id).field("number")).isEqualTo(number);

		JsonNode found = this.accountManager.get("/api/orders?number=" + number).json();
		assertThat(found.path("items").findValuesAsString("id")).containsExactly(id);
		assertThat(found.path("items").get(0).path("number").asString()).isEqualTo(number);
		assertThat(this.fixtures.as("SALES_MANAGER").get("/api/orders?number=" + number).json().path("items")
			.findValuesAsString("id")).containsExactly(id);

		Api otherRegion = this.fixtures.as("am.west", "ACCOUNT_MANAGER", "WEST");
		Api.Response hidden = otherRegion.get("/api/orders?number=" + number);
		assertThat(hidden.status()).isEqualTo(200);
		assertThat(hidden.json().path("items")).as("another region's order is not listed").isEmpty();
		assertThat(hidden.body()).doesNotContain(id);
		assertThat(this.accountManager.get("/api/orders?number=SO-1999-000001").json().path("items")).isEmpty();
	}

	@Test
	void everyOrderEventCarriesTheOrderNumber() throws Exception {
		Api salesManager = this.fixtures.as("sm.numbers", "SALES_MANAGER", "NORTHEAST");
		Api.Response quote = this.accountManager.post("/api/orders", order(this.fixtures.openedAccount(), true, "15"));
		assertThat(quote.status()).as(quote.toString()).isEqualTo(201);
		String id = quote.field("id");
		String number = quote.field("number");
		assertThat(salesManager.post("/api/orders/" + id + "/discount-approval", "{}").status()).isEqualTo(200);
		assertThat(this.accountManager.post("/api/orders/" + id + "/submit", "{}").status()).isEqualTo(200);
		assertThat(this.accountManager.patch("/api/orders/" + id,
				"{\"reason\":\"New site\",\"deliverySite\":\"1 Main St, Salem\"}").status()).isEqualTo(200);
		// committed for yesterday: the watch finds it missed, and production not started in time
		String yesterday = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(1).toString();
		assertThat(this.fixtures.move(id, "CONFIRMED", LocalDate.parse(yesterday).minusDays(1).toString()).status())
			.isEqualTo(200);
		assertThat(this.fixtures.as("SALES_ADMIN").send("PUT", "/api/orders/" + id + "/commitment",
				"{\"committedDeliveryDate\":\"" + yesterday + "\",\"reason\":\"Slot moved\"}").status()).isEqualTo(200);
		this.watch.watch();
		assertThat(this.fixtures.move(id, "IN_PRODUCTION", null).status()).isEqualTo(200);
		String request = "{\"reason\":\"Practice sold\"}";
		assertThat(this.accountManager.post("/api/orders/" + id + "/cancellation-request", request).status())
			.isEqualTo(202);
		assertThat(salesManager.post("/api/orders/" + id + "/cancellation-request/reject", "{\"reason\":\"No\"}")
			.status()).isEqualTo(200);
		assertThat(this.accountManager.post("/api/orders/" + id + "/cancellation-request", request).status())
			.isEqualTo(202);
		assertThat(salesManager.post("/api/orders/" + id + "/cancellation-request/approve", "{}").status())
			.isEqualTo(200);

		for (String type : List.of("OrderDrafted", "DiscountApprovalRequested", "DiscountApproved", "OrderPlaced",
				"OrderChanged", "OrderConfirmed", "OrderStatusChanged", "DeliveryCommitmentChanged",
				"DeliveryCommitmentMissed", "DeliveryCommitmentAtRisk", "OrderCancellationRequested",
				"OrderCancellationRejected", "OrderCancelled")) {
			assertThat(orderNumberOf(awaitEvent(id, type).value())).as(type).isEqualTo(number);
		}
		Api.Response rejectedQuote = this.accountManager.post("/api/orders",
				order(this.fixtures.openedAccount(), true, "20"));
		String rejected = rejectedQuote.field("id");
		assertThat(salesManager.post("/api/orders/" + rejected + "/discount-approval/reject", "{\"reason\":\"No\"}")
			.status()).isEqualTo(200);
		assertThat(orderNumberOf(awaitEvent(rejected, "DiscountRejected").value()))
			.isEqualTo(rejectedQuote.field("number"));
	}

	@Test
	void printsTheNumberOnTheOrderFormAndNamesItsFileByIt() throws Exception {
		Api.Response placed = this.accountManager.post("/api/orders", order(this.fixtures.openedAccount(), false, "0"));
		HttpResponse<byte[]> form = this.fixtures.send("GET", "/api/orders/" + placed.field("id") + "/form", null,
				"ACCOUNT_MANAGER", HttpResponse.BodyHandlers.ofByteArray(), "Accept", "application/pdf");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.headers().firstValue("Content-Disposition")).as("saved under its number")
			.hasValue("inline; filename=\"" + placed.field("number") + ".pdf\"");
		try (PDDocument pdf = Loader.loadPDF(form.body())) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Order " + placed.field("number"));
		}
	}

	@Test
	void ordersStoredBeforeNumbersExistedGetOne() throws Exception {
		String accountId = this.fixtures.openedAccount();
		String before = unnumberedCopyOf(this.accountManager.post("/api/orders", order(accountId, false, "0")).field("id"));
		String changedFirst = unnumberedCopyOf(
				this.accountManager.post("/api/orders", order(accountId, false, "0")).field("id"));
		assertThat(this.accountManager.get("/api/orders/" + before).json().path("number").isNull()).isTrue();

		// changed before the upgrade reached it: numbered on the way, so that its event carries a number too
		Api.Response changed = this.accountManager.patch("/api/orders/" + changedFirst,
				"{\"reason\":\"Later\",\"requestedDeliveryDate\":\"2027-05-01\"}");
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		assertThat(changed.field("number")).matches(NUMBER);
		assertThat(orderNumberOf(awaitEvent(changedFirst, "OrderChanged").value())).isEqualTo(changed.field("number"));

		long version = this.accountManager.get("/api/orders/" + before).json().path("version").asLong();
		this.upgrade.run(null);
		this.upgrade.run(null);
		JsonNode upgraded = this.accountManager.get("/api/orders/" + before).json();
		assertThat(upgraded.path("number").asString()).matches(NUMBER).isNotEqualTo(changed.field("number"));
		assertThat(upgraded.path("version").asLong()).as("numbered once, the version moved").isEqualTo(version + 1);
		assertThat(this.accountManager.get("/api/orders/" + changedFirst).field("number"))
			.as("a number once given stays").isEqualTo(changed.field("number"));
		assertThat(this.accountManager.get("/api/orders?number=" + upgraded.path("number").asString()).json()
			.path("items").findValuesAsString("id")).containsExactly(before);
	}

	/** Stores a copy of the order as an older order-service stored it: no number, nothing left to publish. */
	private String unnumberedCopyOf(String id) {
		Document order = this.mongo.findById(id, Document.class, "orders");
		assertThat(order).isNotNull();
		String copy = UUID.randomUUID().toString();
		order.put("_id", copy);
		order.remove("number");
		order.remove("pendingEvents");
		this.mongo.insert(order, "orders");
		return copy;
	}

}
