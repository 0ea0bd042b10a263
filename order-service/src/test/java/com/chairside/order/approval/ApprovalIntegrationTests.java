package com.chairside.order.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.order.OrderFixtures;
import com.chairside.order.OrderServiceTest;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;

import static com.chairside.order.OrderFixtures.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions with separation of duties, over real HTTP, store and broker: a discount above the threshold and a
 * cancellation request wait for a sales manager of the order's region (or an admin) who neither placed, last changed
 * nor asked for it; a discount above the maximum is refused for everyone; {@code GET /api/approvals} lists what waits
 * for the caller, oldest first.
 */
@OrderServiceTest
class ApprovalIntegrationTests {

	@LocalServerPort
	int port;

	OrderFixtures fixtures;

	Api accountManager;

	/** A sales manager of NORTHEAST, the account manager's region, who touched none of the orders here. */
	Api salesManager;

	@BeforeEach
	void signIn() {
		this.fixtures = OrderFixtures.on(this.port);
		this.accountManager = this.fixtures.as("ACCOUNT_MANAGER");
		this.salesManager = this.fixtures.as("sm.northeast", "SALES_MANAGER", "NORTHEAST");
	}

	private static String order(String accountId, boolean draft, String discount) {
		return """
				{"accountId":"%s","draft":%s,"lines":[{"sku":"TC-ORTHO-200","quantity":2,"discountPercent":%s}],
				 "requestedDeliveryDate":"2027-03-01"}""".formatted(accountId, draft, discount);
	}

	private static String reason(String reason) {
		return "{\"reason\":\"" + reason + "\"}";
	}

	private static Api.Response created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response;
	}

	private static void assertSeparationOfDuties(Api.Response refused) {
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(refused.contentType()).contains("application/problem+json");
		assertThat(refused.field("code")).isEqualTo("SEPARATION_OF_DUTIES");
	}

	private String inProduction(Api placer, String accountId) {
		String id = created(placer.post("/api/orders", order(accountId, false, "0"))).field("id");
		assertThat(this.fixtures.move(id, "CONFIRMED", "2027-03-10").status()).isEqualTo(200);
		assertThat(this.fixtures.move(id, "IN_PRODUCTION", null).status()).isEqualTo(200);
		return id;
	}

	@Test
	void aDiscountAboveTheMaximumIsRefusedForEveryoneNamingDiscountPercent() {
		String accountId = this.fixtures.openedAccount();
		for (Api caller : List.of(this.accountManager, this.salesManager, this.fixtures.as("ADMIN"))) {
			for (boolean draft : new boolean[] { true, false }) {
				Api.Response refused = caller.post("/api/orders", order(accountId, draft, "40.5"));
				assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
				assertThat(refused.contentType()).contains("application/problem+json");
				assertThat(refused.field("code")).isEqualTo("DISCOUNT_ABOVE_MAXIMUM");
				assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("discountPercent");
			}
		}
		String id = created(this.accountManager.post("/api/orders", order(accountId, true, "40"))).field("id");
		Api.Response changed = this.accountManager.patch("/api/orders/" + id, """
				{"reason":"More","lines":[{"sku":"TC-ORTHO-200","quantity":2,"discountPercent":55}]}""");
		assertThat(changed.status()).isEqualTo(422);
		assertThat(changed.field("code")).isEqualTo("DISCOUNT_ABOVE_MAXIMUM");
		assertThat(changed.json().path("errors").findValuesAsString("field")).containsExactly("discountPercent");
		assertThat(this.accountManager.get("/api/orders/" + id).json().path("pendingDiscount").path("discountPercent")
			.decimalValue()).isEqualByComparingTo("40");
	}

	@Test
	void aDiscountWaitsForASalesManagerOfTheRegionWhoNeitherGaveNorChangedIt() throws Exception {
		Api.Response quote = created(
				this.accountManager.post("/api/orders", order(this.fixtures.openedAccount(), true, "15")));
		String id = quote.field("id");
		assertThat(quote.json().path("pendingDiscount").path("requestedBy").asString()).isEqualTo("account_manager");
		JsonNode requested = JsonMapper.builder().build().readTree(awaitEvent(id, "DiscountApprovalRequested").value());
		assertThat(requested.path("orderNumber").asString()).isEqualTo(quote.field("number"));
		assertThat(requested.path("region").asString()).isEqualTo("NORTHEAST");
		assertThat(requested.path("discountPercent").asString()).isEqualTo("15");
		assertThat(requested.path("requestedBy").asString()).isEqualTo("account_manager");
		assertThat(requested.path("value").path("amount").asString()).isEqualTo("55250.00");

		assertThat(this.fixtures.as("sm.west", "SALES_MANAGER", "WEST")
			.post("/api/orders/" + id + "/discount-approval", "{}").status()).as("another region's").isEqualTo(404);
		assertThat(this.accountManager.post("/api/orders/" + id + "/discount-approval", "{}").status()).isEqualTo(403);

		Api changer = this.fixtures.as("sm.changer", "SALES_MANAGER", "NORTHEAST");
		assertThat(changer.patch("/api/orders/" + id, """
				{"reason":"Group price","lines":[{"sku":"TC-ORTHO-200","quantity":2,"discountPercent":20}]}""")
			.status()).isEqualTo(200);
		assertSeparationOfDuties(changer.post("/api/orders/" + id + "/discount-approval", "{}"));
		assertSeparationOfDuties(changer.post("/api/orders/" + id + "/discount-approval/reject", reason("No")));
		assertThat(this.accountManager.get("/api/orders/" + id).json().path("pendingDiscount").path("requestedBy")
			.asString()).isEqualTo("sm.changer");

		Api.Response approved = this.salesManager.post("/api/orders/" + id + "/discount-approval", "{}");
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.field("discountApprovedBy")).isEqualTo("sm.northeast");
		assertThat(approved.json().path("pendingDiscount").isNull()).isTrue();
		assertThat(awaitEvent(id, "DiscountApproved").value()).contains("\"discountPercent\":\"20\"",
				"\"requestedBy\":\"sm.changer\"", "\"decidedBy\":\"sm.northeast\"", "\"region\":\"NORTHEAST\"",
				"\"orderNumber\":\"" + quote.field("number") + "\"");
		Api.Response twice = this.salesManager.post("/api/orders/" + id + "/discount-approval", "{}");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.field("code")).isEqualTo("NO_DISCOUNT_APPROVAL_REQUESTED");
		assertThat(this.accountManager.post("/api/orders/" + id + "/submit", "{}").status()).isEqualTo(200);
	}

	@Test
	void anAdminDecidesButNotOnWhatTheyPlacedAndARejectedDiscountBlocksSubmission() {
		Api admin = this.fixtures.as("admin.one", "ADMIN", null);
		String own = created(admin.post("/api/orders", order(this.fixtures.openedAccount(), true, "12"))).field("id");
		assertSeparationOfDuties(admin.post("/api/orders/" + own + "/discount-approval", "{}"));
		assertThat(this.fixtures.as("admin.two", "ADMIN", null).post("/api/orders/" + own + "/discount-approval", "{}")
			.status()).isEqualTo(200);

		Api westManager = this.fixtures.as("am.west", "ACCOUNT_MANAGER", "WEST");
		Api.Response west = created(westManager.post("/api/orders",
				order(this.fixtures.openedAccount("WEST", "Pacific Smiles"), true, "25")));
		String id = west.field("id");
		assertThat(this.salesManager.post("/api/orders/" + id + "/discount-approval/reject", reason("No")).status())
			.as("a NORTHEAST sales manager").isEqualTo(404);
		Api everyRegion = this.fixtures.as("sm.all", "SALES_MANAGER", null);
		Api.Response rejected = everyRegion.post("/api/orders/" + id + "/discount-approval/reject",
				reason("Ten per cent at most for this group"));
		assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
		assertThat(rejected.field("status")).isEqualTo("DRAFT");
		assertThat(rejected.json().path("pendingDiscount").isNull()).isTrue();
		assertThat(rejected.json().path("discountRejection").path("rejectedBy").asString()).isEqualTo("sm.all");
		assertThat(awaitEvent(id, "DiscountRejected").value()).contains("\"region\":\"WEST\"",
				"\"requestedBy\":\"am.west\"", "\"decidedBy\":\"sm.all\"", "\"discountPercent\":\"25\"",
				"\"reason\":\"Ten per cent at most for this group\"", "\"orderNumber\":\"" + west.field("number") + "\"");
		Api.Response submit = westManager.post("/api/orders/" + id + "/submit", "{}");
		assertThat(submit.status()).isEqualTo(422);
		assertThat(submit.field("code")).isEqualTo("DISCOUNT_NEEDS_APPROVAL");
		assertThat(everyRegion.get("/api/approvals").json().path("items").findValuesAsString("orderId"))
			.doesNotContain(id);
	}

	@Test
	void aCancellationRequestIsDecidedByNeitherThePlacerNorTheChangerNorTheRequester() {
		String accountId = this.fixtures.openedAccount();
		Api patcher = this.fixtures.as("sm.patcher", "SALES_MANAGER", "NORTHEAST");
		String id = inProduction(this.accountManager, accountId);
		assertThat(patcher.patch("/api/orders/" + id, "{\"reason\":\"Site\",\"deliverySite\":\"2 Elm St, Salem\"}")
			.status()).isEqualTo(200);
		assertThat(this.accountManager.post("/api/orders/" + id + "/cancellation-request", reason("Practice sold"))
			.status()).isEqualTo(202);
		assertThat(awaitEvent(id, "OrderCancellationRequested").value()).contains("\"region\":\"NORTHEAST\"",
				"\"requestedBy\":\"account_manager\"");
		assertSeparationOfDuties(patcher.post("/api/orders/" + id + "/cancellation-request/approve", "{}"));
		assertSeparationOfDuties(patcher.post("/api/orders/" + id + "/cancellation-request/reject", reason("No")));
		assertThat(this.fixtures.as("sm.west", "SALES_MANAGER", "WEST")
			.post("/api/orders/" + id + "/cancellation-request/approve", "{}").status()).isEqualTo(404);
		Api.Response rejected = this.salesManager.post("/api/orders/" + id + "/cancellation-request/reject",
				reason("Half built"));
		assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
		assertThat(awaitEvent(id, "OrderCancellationRejected").value()).contains("\"decidedBy\":\"sm.northeast\"",
				"\"requestedBy\":\"account_manager\"", "\"region\":\"NORTHEAST\"");

		Api admin = this.fixtures.as("admin.placer", "ADMIN", null);
		String placedByAdmin = inProduction(admin, accountId);
		assertThat(this.accountManager.post("/api/orders/" + placedByAdmin + "/cancellation-request", reason("Closed"))
			.status()).isEqualTo(202);
		assertSeparationOfDuties(admin.post("/api/orders/" + placedByAdmin + "/cancellation-request/approve", "{}"));
		Api.Response approved = this.fixtures.as("admin.other", "ADMIN", null)
			.post("/api/orders/" + placedByAdmin + "/cancellation-request/approve", "{}");
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.field("status")).isEqualTo("CANCELLED");
	}

	@Test
	void listsWhatWaitsForTheCallersDecisionOldestFirst() {
		String northeast = this.fixtures.openedAccount("NORTHEAST", "Approvals Orthodontics");
		// stored before the quote, asked to be cancelled after it: the list goes by when a decision was asked for
		String cancellation = inProduction(this.accountManager, northeast);
		String discount = created(this.accountManager.post("/api/orders", order(northeast, true, "15"))).field("id");
		assertThat(this.accountManager.post("/api/orders/" + cancellation + "/cancellation-request",
				reason("Practice sold")).status()).isEqualTo(202);
		String west = created(this.fixtures.as("am.west", "ACCOUNT_MANAGER", "WEST").post("/api/orders",
				order(this.fixtures.openedAccount("WEST", "Pacific Smiles"), true, "20"))).field("id");
		String ownQuote = created(this.salesManager.post("/api/orders", order(northeast, true, "12"))).field("id");
		Set<String> ours = Set.of(discount, cancellation, west, ownQuote);

		JsonNode mine = this.salesManager.get("/api/approvals").json().path("items");
		assertThat(ids(mine, ours)).as("the region's, not their own quote").containsExactly(discount, cancellation);
		assertOldestFirst(mine);
		JsonNode first = item(mine, discount);
		assertThat(first.path("kind").asString()).isEqualTo("DISCOUNT");
		assertThat(first.path("orderNumber").asString()).matches("SO-\\d{4}-\\d{6}")
			.isEqualTo(this.accountManager.get("/api/orders/" + discount).field("number"));
		assertThat(first.path("practice").asString()).isEqualTo("Approvals Orthodontics");
		assertThat(first.path("value").path("amount").asString()).isEqualTo("55250.00");
		assertThat(first.path("value").path("currency").asString()).isEqualTo("USD");
		assertThat(first.path("discountPercent").asString()).isEqualTo("15");
		assertThat(first.path("requestedBy").asString()).isEqualTo("account_manager");
		assertThat(first.path("requestedAt").asString()).isNotEmpty();
		JsonNode second = item(mine, cancellation);
		assertThat(second.path("kind").asString()).isEqualTo("CANCELLATION");
		assertThat(second.path("reason").asString()).isEqualTo("Practice sold");
		assertThat(second.path("discountPercent").isNull()).isTrue();
		assertThat(second.path("value").path("amount").asString()).isEqualTo("65000.00");

		for (Api everything : List.of(this.fixtures.as("ADMIN"), this.fixtures.as("sm.all", "SALES_MANAGER", null))) {
			JsonNode all = everything.get("/api/approvals").json().path("items");
			assertThat(ids(all, ours)).containsExactly(discount, cancellation, west, ownQuote);
			assertOldestFirst(all);
		}
		Api.Response accountManagers = this.accountManager.get("/api/approvals");
		assertThat(accountManagers.status()).isEqualTo(200);
		assertThat(accountManagers.json().path("items")).as("account managers decide nothing").isEmpty();
		assertThat(this.fixtures.as("SALES_ADMIN").get("/api/approvals").json().path("items")).isEmpty();
		assertThat(this.accountManager.as(Infrastructure.get().departmentToken("production.approvals", "PRODUCTION"))
			.get("/api/approvals").status()).isEqualTo(403);

		assertThat(this.salesManager.post("/api/orders/" + discount + "/discount-approval", "{}").status())
			.isEqualTo(200);
		assertThat(ids(this.salesManager.get("/api/approvals").json().path("items"), ours))
			.containsExactly(cancellation);
	}

	private static List<String> ids(JsonNode items, Set<String> ours) {
		List<String> ids = new ArrayList<>();
		items.forEach((item) -> {
			if (ours.contains(item.path("orderId").asString())) {
				ids.add(item.path("orderId").asString());
			}
		});
		return ids;
	}

	private static JsonNode item(JsonNode items, String orderId) {
		for (JsonNode item : items) {
			if (item.path("orderId").asString().equals(orderId)) {
				return item;
			}
		}
		throw new AssertionError("no item for " + orderId);
	}

	private static void assertOldestFirst(JsonNode items) {
		List<String> times = items.findValuesAsString("requestedAt");
		assertThat(times.stream().map(Instant::parse).toList()).isSorted();
	}

}
