package com.chairside.notification.inbox;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.notification.NotificationServiceTest;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The inbox of departments and people: reading, paging, acknowledging, and the events that leave a trail. */
@NotificationServiceTest
class InboxIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	@LocalServerPort
	int port;

	Api admin;

	@BeforeEach
	void signIn() {
		this.admin = Api.local(this.port, Infrastructure.get().token("sales.admin", "SALES_ADMIN", null));
	}

	private String cancelOrder() {
		String orderId = UUID.randomUUID().toString();
		kafka.sendCloudEvent("chairside.orders", orderId, UUID.randomUUID().toString(),
				"chairside.order.OrderCancelled.v1", 4,
				Contracts.example("chairside.order.OrderCancelled.v1", "orderId", orderId));
		await().until(() -> items(this.admin, "?orderId=" + orderId).size() == 5);
		return orderId;
	}

	private static JsonNode items(Api api, String query) {
		return api.get("/api/notifications" + query).json().path("items");
	}

	private Api department(String department) {
		return this.admin.as(Infrastructure.get().departmentToken("lead." + department.toLowerCase(), department));
	}

	@Test
	void aDepartmentAcknowledgesItsNotificationAndTheTrailIsPublished() {
		String orderId = cancelOrder();
		Api production = department("PRODUCTION");
		JsonNode item = items(production, "?orderId=" + orderId).get(0);
		String id = item.path("id").asString();
		assertThat(item.path("department").asString()).isEqualTo("PRODUCTION");
		assertThat(item.path("eventType").asString()).isEqualTo("OrderCancelled");
		assertThat(item.path("orderId").asString()).isEqualTo(orderId);
		assertThat(item.path("acknowledgedAt").isNull()).isTrue();
		assertThat(item.path("status").asString()).isIn("PENDING", "SENT");
		assertThat(item.path("acknowledgeBy").isNull()).as("a cancellation must be acknowledged in time").isFalse();

		Api.Response acknowledged = production.post("/api/notifications/" + id + "/acknowledge", "");
		assertThat(acknowledged.status()).isEqualTo(200);
		assertThat(acknowledged.json().path("acknowledgedAt").isNull()).isFalse();
		assertThat(acknowledged.json().path("status").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(acknowledged.json().path("inbox").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(acknowledged.json().path("acknowledgedBy").asString()).isEqualTo("lead.production");

		Api.Response again = production.post("/api/notifications/" + id + "/acknowledge", "");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("acknowledgedAt").asString())
			.isEqualTo(acknowledged.json().path("acknowledgedAt").asString());

		Received event = kafka.awaitRecord("chairside.notifications", id,
				"chairside.notification.NotificationAcknowledged.v1");
		assertThat(Contracts.violations("chairside.notification.NotificationAcknowledged.v1", event.value())).isEmpty();
		assertThat(event.value()).contains("\"acknowledgedBy\":\"lead.production\"", orderId);
		await().during(java.time.Duration.ofMillis(500))
			.until(() -> kafka.records("chairside.notifications")
				.stream()
				.filter((r) -> id.equals(r.key())
						&& r.header("ce_type").equals("chairside.notification.NotificationAcknowledged.v1"))
				.map((r) -> r.header("ce_id"))
				.distinct()
				.count() == 1);
	}

	@Test
	void eachSentMailIsPublishedAsNotificationSent() {
		String orderId = cancelOrder();
		String id = items(department("FINANCE"), "?orderId=" + orderId).get(0).path("id").asString();

		Received sent = kafka.awaitRecord("chairside.notifications", id, "chairside.notification.NotificationSent.v1");

		assertThat(Contracts.violations("chairside.notification.NotificationSent.v1", sent.value())).isEmpty();
		assertThat(sent.header("ce_source")).isEqualTo("/chairside/notification-service");
		assertThat(items(this.admin, "?orderId=" + orderId + "&department=FINANCE").get(0).path("status").asString())
			.isEqualTo("SENT");
	}

	@Test
	void aDepartmentCannotAcknowledgeAnotherDepartmentsNotification() {
		String orderId = cancelOrder();
		String productions = items(department("PRODUCTION"), "?orderId=" + orderId).get(0).path("id").asString();

		Api finance = department("FINANCE");
		assertThat(finance.post("/api/notifications/" + productions + "/acknowledge", "").status()).isEqualTo(404);
		assertThat(finance.get("/api/notifications/" + productions).status()).isEqualTo(404);
		assertThat(items(this.admin, "?orderId=" + orderId + "&department=PRODUCTION").get(0).path("acknowledgedAt")
			.isNull()).isTrue();
		assertThat(finance.post("/api/notifications/" + UUID.randomUUID() + "/acknowledge", "").status())
			.isEqualTo(404);
	}

	@Test
	void onlyTheDepartmentMarksReadOrAcknowledgesItsNotificationWhichOthersStillSee() {
		String orderId = cancelOrder();
		String productions = items(department("PRODUCTION"), "?orderId=" + orderId + "&department=PRODUCTION").get(0)
			.path("id")
			.asString();
		for (Api other : java.util.List.of(this.admin,
				this.admin.as(Infrastructure.get().token("admin", "ADMIN", null)),
				this.admin.as(Infrastructure.get().token("sm.northeast", "SALES_MANAGER", null)))) {
			assertThat(other.get("/api/notifications/" + productions).status()).as("they may view it").isEqualTo(200);
			for (String action : java.util.List.of("acknowledge", "read")) {
				Api.Response refused = other.post("/api/notifications/" + productions + "/" + action, "");
				assertThat(refused.status()).as(action).isEqualTo(403);
				assertThat(refused.contentType()).startsWith("application/problem+json");
			}
		}
		JsonNode untouched = this.admin.get("/api/notifications/" + productions).json();
		assertThat(untouched.path("acknowledgedAt").isNull()).isTrue();
		assertThat(untouched.path("readAt").isNull()).isTrue();
		assertThat(department("PRODUCTION").post("/api/notifications/" + productions + "/acknowledge", "").status())
			.isEqualTo(200);
	}

	@Test
	void pagesThroughTheNotificationsAndFiltersTheInbox() {
		String orderId = cancelOrder();
		JsonNode first = this.admin.get("/api/notifications?orderId=" + orderId + "&size=2&page=0").json();
		JsonNode third = this.admin.get("/api/notifications?orderId=" + orderId + "&size=2&page=2").json();
		assertThat(first.path("items")).hasSize(2);
		assertThat(first.path("total").asInt()).isEqualTo(5);
		assertThat(third.path("items")).hasSize(1);

		String logistics = items(this.admin, "?orderId=" + orderId + "&department=LOGISTICS").get(0).path("id").asString();
		assertThat(department("LOGISTICS").post("/api/notifications/" + logistics + "/read", "").json().path("inbox")
			.asString()).isEqualTo("READ");
		assertThat(items(this.admin, "?orderId=" + orderId + "&inbox=UNREAD")).hasSize(4);
		assertThat(items(this.admin, "?orderId=" + orderId + "&inbox=READ")).extracting((n) -> n.path("id").asString())
			.containsExactly(logistics);
	}

	@Test
	void aLeadsNewOwnerFindsItInTheirOwnInboxAndAcknowledgesIt() {
		String leadId = UUID.randomUUID().toString();
		String owner = "am." + leadId.substring(0, 8);
		kafka.sendCloudEvent("chairside.leads", leadId, UUID.randomUUID().toString(), "chairside.lead.LeadAssigned.v1",
				2, Contracts.example("chairside.lead.LeadAssigned.v1", "leadId", leadId, "owner", owner, "region", "WEST"));

		Api them = this.admin.as(Infrastructure.get().token(owner, "ACCOUNT_MANAGER", "NORTHEAST"));
		await().until(() -> items(them, "?recipient=" + owner).size() == 1);
		JsonNode item = items(them, "?recipient=" + owner).get(0);
		assertThat(item.path("recipient").asString()).isEqualTo(owner);
		assertThat(item.path("department").isNull()).isTrue();
		assertThat(item.path("eventType").asString()).isEqualTo("LeadAssigned");
		await().until(() -> Infrastructure.get().mail().received().stream()
			.anyMatch((m) -> m.to().equals(owner + "@chairside.example") && m.subject().contains(leadId)));

		Api someoneElse = this.admin.as(Infrastructure.get().token("am.other", "ACCOUNT_MANAGER", "WEST"));
		String id = item.path("id").asString();
		assertThat(someoneElse.post("/api/notifications/" + id + "/acknowledge", "").status()).isEqualTo(404);
		assertThat(them.post("/api/notifications/" + id + "/acknowledge", "").status()).isEqualTo(200);
	}

	@Test
	void aMailThatCannotBeWrittenIsGivenUpWithItsReasonAndTheFailureIsPublished() {
		String leadId = UUID.randomUUID().toString();
		String owner = "no such person " + leadId.substring(0, 6);
		kafka.sendCloudEvent("chairside.leads", leadId, UUID.randomUUID().toString(), "chairside.lead.LeadAssigned.v1",
				2, Contracts.example("chairside.lead.LeadAssigned.v1", "leadId", leadId, "owner", owner));
		String query = "?recipient=" + java.net.URLEncoder.encode(owner, java.nio.charset.StandardCharsets.UTF_8);

		await().until(() -> items(this.admin, query).size() == 1
				&& items(this.admin, query).get(0).path("status").asString().equals("FAILED"));
		JsonNode failed = items(this.admin, query).get(0);
		assertThat(failed.path("lastError").asString()).contains("Cannot write the mail to");

		Received event = kafka.awaitRecord("chairside.notifications", failed.path("id").asString(),
				"chairside.notification.NotificationFailed.v1");
		assertThat(Contracts.violations("chairside.notification.NotificationFailed.v1", event.value())).isEmpty();
		assertThat(event.value()).contains("Cannot write the mail to");
	}

}
