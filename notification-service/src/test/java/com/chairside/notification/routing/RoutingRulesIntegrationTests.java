package com.chairside.notification.routing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.notification.NotificationServiceTest;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Routing rules kept by an admin through the API, the dry run, and the recipients beyond the departments: owners of
 * accounts and leads, both owners of a channel conflict. Rules written here are confined to region TESTLAND, so the
 * other tests' events never meet them.
 */
@NotificationServiceTest
class RoutingRulesIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	@LocalServerPort
	int port;

	@Autowired
	RoutingRules rules;

	@Autowired
	MutableClock clock;

	Api admin;

	@BeforeEach
	void signIn() {
		this.admin = Api.local(this.port, Infrastructure.get().token("the.admin", "ADMIN", null));
	}

	private static String rule(String eventType, String conditions, String recipients) {
		return "{\"name\":\"test rule\",\"eventType\":\"" + eventType + "\",\"conditions\":" + conditions
				+ ",\"recipients\":" + recipients + "}";
	}

	private JsonNode dryRun(String type, String data) {
		Api.Response response = this.admin.post("/api/notification-rules/dry-run",
				"{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"" + type + "\",\"data\":" + data + "}");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static JsonNode notifications(Api api, String query) {
		return api.get("/api/notifications" + query).json().path("items");
	}

	@Test
	void theDefaultRulesShipWithTheServiceAndTheDryRunShowsWhoACancellationReaches() {
		assertThat(this.admin.get("/api/notification-rules").json()).extracting((r) -> r.path("id").asString())
			.contains("default-order-placed", "default-order-changed", "default-order-cancelled",
					"default-lead-assigned", "default-delivery-at-risk", "default-channel-conflict");

		JsonNode reach = dryRun("chairside.order.OrderCancelled.v1",
				Contracts.example("chairside.order.OrderCancelled.v1"));

		assertThat(reach.path("departments")).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder("SALES_ADMINISTRATION", "PRODUCTION", "LOGISTICS", "INSTALLATION", "FINANCE");
		assertThat(reach.path("rules")).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder("default-order-cancelled", "default-cancellation-approved");
		assertThat(reach.path("people")).as("a cancellation nobody asked for has no requester to tell").isEmpty();

		JsonNode requested = dryRun("chairside.order.OrderCancelled.v1", Contracts
			.example("chairside.order.OrderCancelled.v1", "requestedBy", "am.northeast", "approvedBy", "sm.northeast"));
		assertThat(requested.path("people")).extracting(JsonNode::asString).containsExactly("am.northeast");
	}

	@Test
	void anAdminWritesReadsChangesAndDeletesARuleAndTheDryRunFollows() {
		String big = "cfo." + UUID.randomUUID().toString().substring(0, 8);
		Api.Response created = this.admin.post("/api/notification-rules", rule("OrderChanged",
				"{\"minOrderValue\":{\"amount\":\"100000.00\",\"currency\":\"USD\"},\"regions\":[\"TESTLAND\"]}",
				"{\"people\":[\"" + big + "\"]}"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(created.header("Location")).hasValue("/api/notification-rules/" + id);
		assertThat(this.admin.get("/api/notification-rules/" + id).json().path("eventType").asString())
			.isEqualTo("OrderChanged");

		String bigChange = Contracts.example("chairside.order.OrderChanged.v1", "region", "TESTLAND");
		assertThat(dryRun("chairside.order.OrderChanged.v1", bigChange).path("people")).extracting(JsonNode::asString)
			.containsExactly(big);
		assertThat(dryRun("OrderChanged", Contracts.example("chairside.order.OrderChanged.v1", "region", "ELSEWHERE"))
			.path("people")).isEmpty();

		Api.Response changed = this.admin.send("PUT", "/api/notification-rules/" + id, rule("OrderChanged",
				"{\"minOrderValue\":{\"amount\":\"500000.00\",\"currency\":\"USD\"},\"regions\":[\"TESTLAND\"]}",
				"{\"people\":[\"" + big + "\"]}"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(dryRun("chairside.order.OrderChanged.v1", bigChange).path("people"))
			.as("134,250 USD is below the new threshold").isEmpty();

		assertThat(this.admin.send("DELETE", "/api/notification-rules/" + id, null).status()).isEqualTo(204);
		assertThat(this.admin.get("/api/notification-rules/" + id).status()).isEqualTo(404);
	}

	@Test
	void aRuleWrittenByAnotherReplicaRoutesOnceTheCachedRulesExpire() {
		String person = "other.replica." + UUID.randomUUID().toString().substring(0, 8);
		String change = Contracts.example("chairside.order.OrderChanged.v1", "region", "TESTLAND");
		assertThat(dryRun("OrderChanged", change).path("people")).extracting(JsonNode::asString).doesNotContain(person);
		// Another replica's write: straight to the shared store, so this replica's cache is not evicted.
		RoutingRule written = this.rules.insert(new RoutingRule(UUID.randomUUID().toString(), "other replica's rule",
				"OrderChanged", new RuleConditions(null, null, null, null, List.of("TESTLAND"), null),
				new RuleRecipients(null, null, null, null, List.of(person)), true, this.clock.instant(), "the.admin"));
		try {
			assertThat(dryRun("OrderChanged", change).path("people")).as("the cached rules, within their ttl")
				.extracting(JsonNode::asString)
				.doesNotContain(person);
			this.clock.advance(Duration.ofHours(1)); // the ttl of these tests
			assertThat(dryRun("OrderChanged", change).path("people")).extracting(JsonNode::asString).contains(person);
		}
		finally {
			this.rules.deleteById(written.id());
			this.clock.reset();
		}
	}

	@Test
	void refusesABadRuleNamingTheFieldAndLetsOnlyAdminsWrite() {
		Api.Response unknownEvent = this.admin.post("/api/notification-rules",
				rule("OrderTeleported", "{}", "{\"departments\":[\"FINANCE\"]}"));
		assertThat(unknownEvent.status()).isEqualTo(400);
		assertThat(unknownEvent.contentType()).contains("application/problem+json");
		assertThat(unknownEvent.json().path("errors").get(0).path("field").asString()).isEqualTo("eventType");

		Api.Response nobody = this.admin.post("/api/notification-rules", rule("OrderChanged", "{}", "{}"));
		assertThat(nobody.status()).isEqualTo(400);
		assertThat(nobody.json().path("errors").get(0).path("field").asString()).isEqualTo("recipients");

		Api salesAdmin = this.admin.as(Infrastructure.get().token("sales.admin", "SALES_ADMIN", null));
		assertThat(salesAdmin.post("/api/notification-rules", rule("OrderChanged", "{}", "{\"departments\":[\"FINANCE\"]}"))
			.status()).isEqualTo(403);
		assertThat(salesAdmin.get("/api/notification-rules").status()).isEqualTo(200);
		Api department = this.admin.as(Infrastructure.get().departmentToken("prod.lead", "PRODUCTION"));
		assertThat(department.get("/api/notification-rules").status()).isEqualTo(403);
	}

	@Test
	void aStoredRuleRoutesLiveEventsByProductLine() {
		String orthoLead = "ortho." + UUID.randomUUID().toString().substring(0, 8);
		String id = this.admin.post("/api/notification-rules", rule("OrderPlaced",
				"{\"productLines\":[\"ORTHODONTIC\"],\"regions\":[\"TESTLAND\"]}", "{\"people\":[\"" + orthoLead + "\"]}"))
			.json().path("id").asString();
		try {
			String orderId = UUID.randomUUID().toString();
			kafka.sendCloudEvent("chairside.orders", orderId, UUID.randomUUID().toString(),
					"chairside.order.OrderPlaced.v1", 1,
					Contracts.example("chairside.order.OrderPlaced.v1", "orderId", orderId, "region", "TESTLAND"));

			await().until(() -> notifications(this.admin, "?orderId=" + orderId).size() == 5);
			assertThat(notifications(this.admin, "?orderId=" + orderId)).extracting((n) -> n.path("recipient").asString())
				.containsExactlyInAnyOrder("SALES_ADMINISTRATION", "PRODUCTION", "LOGISTICS", "FINANCE", orthoLead);
		}
		finally {
			this.admin.send("DELETE", "/api/notification-rules/" + id, null);
		}
	}

	@Test
	void aDeliveryRiskTellsSalesAdministrationAndTheAccountsOwner() {
		String accountId = UUID.randomUUID().toString();
		String owner = "am." + accountId.substring(0, 8);
		kafka.sendCloudEvent("chairside.accounts", accountId, UUID.randomUUID().toString(),
				"chairside.account.AccountOpened.v1", 1,
				Contracts.example("chairside.account.AccountOpened.v1", "accountId", accountId, "owner", owner));
		String orderId = UUID.randomUUID().toString();
		await().until(() -> !dryRun("DeliveryCommitmentAtRisk",
				Contracts.example("chairside.order.DeliveryCommitmentAtRisk.v1", "accountId", accountId))
			.path("people").isEmpty());

		kafka.sendCloudEvent("chairside.orders", orderId, UUID.randomUUID().toString(),
				"chairside.order.DeliveryCommitmentAtRisk.v1", 7, Contracts.example(
						"chairside.order.DeliveryCommitmentAtRisk.v1", "orderId", orderId, "accountId", accountId));

		await().until(() -> notifications(this.admin, "?orderId=" + orderId).size() == 2);
		assertThat(notifications(this.admin, "?orderId=" + orderId)).extracting((n) -> n.path("recipient").asString())
			.containsExactlyInAnyOrder("SALES_ADMINISTRATION", owner);
		Api ownerInbox = this.admin.as(Infrastructure.get().token(owner, "ACCOUNT_MANAGER", "NORTHEAST"));
		assertThat(notifications(ownerInbox, "?recipient=" + owner).get(0).path("eventType").asString())
			.isEqualTo("DeliveryCommitmentAtRisk");
	}

	@Test
	void aChannelConflictTellsBothOwners() {
		String conflictId = UUID.randomUUID().toString();
		String direct = "am.direct." + conflictId.substring(0, 6);
		String channel = "am.channel." + conflictId.substring(0, 6);
		kafka.sendCloudEvent("chairside.accounts", conflictId, UUID.randomUUID().toString(),
				"chairside.account.ChannelConflictDetected.v1", 3,
				Contracts.example("chairside.account.ChannelConflictDetected.v1", "accountId", conflictId, "directOwner",
						direct, "resellerServedOwner", channel));

		for (String owner : new String[] { direct, channel }) {
			await().until(() -> notifications(this.admin, "?recipient=" + owner).size() == 1);
			assertThat(notifications(this.admin, "?recipient=" + owner).get(0).path("eventType").asString())
				.isEqualTo("ChannelConflictDetected");
		}
	}

}
