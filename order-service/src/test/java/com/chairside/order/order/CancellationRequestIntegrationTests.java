package com.chairside.order.order;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.order.OrderFixtures;
import com.chairside.order.OrderServiceTest;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;

import static com.chairside.order.OrderFixtures.awaitEvent;
import static com.chairside.order.OrderFixtures.distinct;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A late cancellation as a workflow, over real HTTP and the real broker: the account manager (or sales administration)
 * requests it, a sales manager of the order's region approves or rejects it.
 */
@OrderServiceTest
class CancellationRequestIntegrationTests {

	@LocalServerPort
	int port;

	OrderFixtures fixtures;

	Api accountManager;

	/** A sales manager of the account manager's region (NORTHEAST). */
	Api salesManager;

	@BeforeEach
	void signIn() {
		this.fixtures = OrderFixtures.on(this.port);
		this.accountManager = this.fixtures.as("ACCOUNT_MANAGER");
		this.salesManager = salesManagerOf("NORTHEAST");
	}

	private Api salesManagerOf(String region) {
		return this.accountManager.as(Infrastructure.get().token("sm." + region.toLowerCase(), "SALES_MANAGER", region));
	}

	private String inProduction() {
		String id = this.fixtures.place(this.fixtures.openedAccount());
		assertThat(this.fixtures.move(id, "CONFIRMED", "2027-03-10").status()).isEqualTo(200);
		assertThat(this.fixtures.move(id, "IN_PRODUCTION", null).status()).isEqualTo(200);
		return id;
	}

	private static String request(String reason) {
		return "{\"reason\":\"" + reason + "\"}";
	}

	@Test
	void anAccountManagerRequestsALateCancellationAndASalesManagerOfTheRegionApprovesIt() {
		String id = inProduction();
		Api.Response direct = this.accountManager.post("/api/orders/" + id + "/cancel", request("Practice sold"));
		assertThat(direct.status()).isEqualTo(409);
		assertThat(direct.field("code")).isEqualTo("LATE_CANCELLATION_NEEDS_APPROVAL");

		Api.Response requested = this.accountManager.post("/api/orders/" + id + "/cancellation-request",
				request("Practice sold before opening"));
		assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
		assertThat(requested.field("status")).isEqualTo("IN_PRODUCTION");
		JsonNode pending = requested.json().path("cancellationRequest");
		assertThat(pending.path("reason").asString()).isEqualTo("Practice sold before opening");
		assertThat(pending.path("requestedBy").asString()).isEqualTo("account_manager");
		assertThat(pending.path("requestedAt").asString()).isNotEmpty();
		assertThat(requested.header("ETag")).contains("\"" + requested.json().path("version").asLong() + "\"");
		assertThat(awaitEvent(id, "OrderCancellationRequested").value()).contains("\"requestedBy\":\"account_manager\"",
				"\"status\":\"IN_PRODUCTION\"", "\"affectsProduction\":true", "Practice sold before opening");
		assertThat(this.accountManager.get("/api/orders/" + id).json().path("cancellationRequest").path("reason").asString())
			.isEqualTo("Practice sold before opening");

		Api.Response again = this.accountManager.post("/api/orders/" + id + "/cancellation-request", request("Again"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.field("code")).isEqualTo("CANCELLATION_ALREADY_REQUESTED");
		assertThat(this.accountManager.post("/api/orders/" + id + "/cancellation-request/approve", "{}").status())
			.as("an account manager does not approve").isEqualTo(403);
		assertThat(salesManagerOf("WEST").post("/api/orders/" + id + "/cancellation-request/approve", "{}").status())
			.as("another region's sales manager").isEqualTo(404);
		assertThat(this.accountManager.get("/api/orders/" + id).field("status")).isEqualTo("IN_PRODUCTION");

		Api.Response approved = this.salesManager.post("/api/orders/" + id + "/cancellation-request/approve", "{}");
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.field("status")).isEqualTo("CANCELLED");
		assertThat(approved.field("cancellationReason")).isEqualTo("Practice sold before opening");
		assertThat(approved.json().path("cancellationRequest").isNull()).isTrue();
		assertThat(awaitEvent(id, "OrderCancelled").value()).contains("\"approvedBy\":\"sm.northeast\"",
				"\"requestedBy\":\"account_manager\"", "\"reason\":\"Practice sold before opening\"",
				"\"affectsProduction\":true", "\"statusBefore\":\"IN_PRODUCTION\"");

		Api.Response twice = this.salesManager.post("/api/orders/" + id + "/cancellation-request/approve", "{}");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.field("code")).isEqualTo("ORDER_CANCELLED");
		assertThat(this.accountManager.post("/api/orders/" + id + "/cancellation-request", request("Late")).field("code"))
			.isEqualTo("ORDER_CANCELLED");
		assertThat(this.accountManager.get("/api/orders/" + id + "/history").json().findValuesAsString("event"))
			.endsWith("OrderCancellationRequested", "OrderCancelled");
	}

	@Test
	void aSalesManagerRejectsARequestedCancellationAndTheOrderGoesOnAsItWas() {
		String id = inProduction();
		Api salesAdmin = this.fixtures.as("SALES_ADMIN");
		assertThat(this.salesManager.post("/api/orders/" + id + "/cancellation-request", request("x")).status())
			.as("a sales manager cancels directly instead").isEqualTo(403);
		assertThat(salesAdmin.post("/api/orders/" + id + "/cancellation-request", "{\"reason\":\" \"}").json()
			.path("errors").findValuesAsString("field")).containsExactly("reason");
		assertThat(salesAdmin.post("/api/orders/" + id + "/cancellation-request/reject", request("x")).status())
			.as("sales administration does not decide").isEqualTo(403);
		Api.Response none = this.salesManager.post("/api/orders/" + id + "/cancellation-request/reject", request("x"));
		assertThat(none.status()).isEqualTo(409);
		assertThat(none.field("code")).isEqualTo("NO_CANCELLATION_REQUESTED");

		Api.Response requested = salesAdmin.post("/api/orders/" + id + "/cancellation-request",
				request("Customer asks to cancel"));
		assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
		assertThat(requested.json().path("cancellationRequest").path("requestedBy").asString()).isEqualTo("sales_admin");
		JsonNode before = requested.json();

		assertThat(this.salesManager.post("/api/orders/" + id + "/cancellation-request/reject", "{}").json()
			.path("errors").findValuesAsString("field")).containsExactly("reason");
		Api.Response rejected = this.salesManager.post("/api/orders/" + id + "/cancellation-request/reject",
				request("The chairs are half built"));
		assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
		assertThat(rejected.field("status")).isEqualTo("IN_PRODUCTION");
		assertThat(rejected.json().path("cancellationRequest").isNull()).isTrue();
		assertThat(rejected.json().path("lines")).isEqualTo(before.path("lines"));
		assertThat(rejected.json().path("total")).isEqualTo(before.path("total"));
		assertThat(awaitEvent(id, "OrderCancellationRejected").value()).contains("\"rejectedBy\":\"sm.northeast\"",
				"\"reason\":\"The chairs are half built\"", "\"requestReason\":\"Customer asks to cancel\"",
				"\"requestedBy\":\"sales_admin\"", "\"status\":\"IN_PRODUCTION\"");

		Api.Response nothingLeft = this.salesManager.post("/api/orders/" + id + "/cancellation-request/approve", "{}");
		assertThat(nothingLeft.status()).isEqualTo(409);
		assertThat(nothingLeft.field("code")).isEqualTo("NO_CANCELLATION_REQUESTED");
		// A later event of the order (same key, same partition) is read after anything the rejection published.
		assertThat(this.fixtures.move(id, "SHIPPED", null).status()).isEqualTo(200);
		awaitEvent(id, "OrderStatusChanged");
		assertThat(distinct(id, "OrderCancelled")).as("rejected: not cancelled").isZero();
	}

	@Test
	void aShippedOrderIsNoLongerCancelledOnRequest() {
		String id = inProduction();
		assertThat(this.accountManager.post("/api/orders/" + id + "/cancellation-request", request("Too expensive"))
			.status()).isEqualTo(202);
		assertThat(this.fixtures.move(id, "SHIPPED", null).status()).isEqualTo(200);

		Api.Response approved = this.salesManager.post("/api/orders/" + id + "/cancellation-request/approve", "{}");
		assertThat(approved.status()).isEqualTo(409);
		assertThat(approved.field("code")).isEqualTo("ORDER_SHIPPED");
		assertThat(this.accountManager.get("/api/orders/" + id).field("status")).isEqualTo("SHIPPED");
		assertThat(this.salesManager.post("/api/orders/" + id + "/cancellation-request/reject",
				request("Shipped meanwhile")).status()).as("the request can still be closed").isEqualTo(200);
		Api.Response late = this.accountManager.post("/api/orders/" + id + "/cancellation-request", request("Again"));
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.field("code")).isEqualTo("ORDER_SHIPPED");
	}

	@Test
	void aStaleApprovalAnswers412AndCancelsNothing() {
		String id = inProduction();
		Api.Response requested = this.accountManager.post("/api/orders/" + id + "/cancellation-request",
				request("Practice closes"));
		String etag = requested.header("ETag").orElseThrow();
		assertThat(this.accountManager.patch("/api/orders/" + id,
				"{\"reason\":\"New site\",\"deliverySite\":\"1 Main St, Salem\"}").status()).isEqualTo(200);

		Api.Response stale = this.salesManager.send("POST", "/api/orders/" + id + "/cancellation-request/approve", "{}",
				Map.of("If-Match", etag));
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.field("code")).isEqualTo("STALE_VERSION");
		assertThat(this.accountManager.get("/api/orders/" + id).field("status")).isEqualTo("IN_PRODUCTION");

		String current = this.accountManager.get("/api/orders/" + id).header("ETag").orElseThrow();
		Api.Response approved = this.salesManager.send("POST", "/api/orders/" + id + "/cancellation-request/approve",
				"{}", Map.of("If-Match", current));
		assertThat(approved.status()).isEqualTo(200);
		assertThat(approved.field("status")).isEqualTo("CANCELLED");
	}

}
