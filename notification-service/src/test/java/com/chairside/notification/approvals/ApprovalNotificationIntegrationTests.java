package com.chairside.notification.approvals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.devstack.MailSink.Mail;
import com.chairside.notification.NotificationServiceTest;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Approvals reach people: a discount or a late cancellation awaiting approval goes to each sales manager of the
 * order's region by name (inbox and mail, from the people directory), the decision to the account manager who asked.
 */
@NotificationServiceTest
class ApprovalNotificationIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	@LocalServerPort
	int port;

	private Api as(String user, String role, String region) {
		return Api.local(this.port, Infrastructure.get().token(user, role, region));
	}

	/** The example of {@code event} for a new order of an account this service does not know, with {@code fields}. */
	private static String publish(String event, String orderId, String... fields) {
		String type = "chairside.order." + event + ".v1";
		String[] all = new String[fields.length + 4];
		all[0] = "orderId";
		all[1] = orderId;
		all[2] = "accountId";
		all[3] = UUID.randomUUID().toString();
		System.arraycopy(fields, 0, all, 4, fields.length);
		kafka.sendCloudEvent("chairside.orders", orderId, UUID.randomUUID().toString(), type, 4,
				Contracts.example(type, all));
		return orderId;
	}

	private static List<Mail> mailsAbout(String orderId, String to) {
		return Infrastructure.get().mail().received().stream()
			.filter((m) -> m.to().equals(to) && m.body().contains(orderId))
			.toList();
	}

	private JsonNode ownItems(String user, String role, String region, String orderId) {
		return as(user, role, region).get("/api/notifications?recipient=me&orderId=" + orderId).json().path("items");
	}

	@Test
	void tellsEachSalesManagerOfTheRegionOfADiscountAwaitingApproval() {
		String orderId = publish("DiscountApprovalRequested", UUID.randomUUID().toString(), "region", "WEST",
				"requestedBy", "am.west");

		await().until(() -> ownItems("sm.west", "SALES_MANAGER", "WEST", orderId).size() == 1);
		JsonNode item = ownItems("sm.west", "SALES_MANAGER", "WEST", orderId).get(0);
		assertThat(item.path("recipient").asString()).isEqualTo("sm.west");
		assertThat(item.path("eventType").asString()).isEqualTo("DiscountApprovalRequested");
		assertThat(item.path("orderNumber").asString()).isEqualTo("SO-2026-000042");
		assertThat(item.path("title").asString()).contains("SO-2026-000042", "discount of 15 %");
		await().until(() -> mailsAbout(orderId, "sm.west@chairside.example").size() == 1);

		await().until(() -> kafka.consumedAll("notification-service", "chairside.orders"));
		assertThat(as("admin", "ADMIN", null).get("/api/notifications?orderId=" + orderId).json().path("items"))
			.as("the region's sales manager only; no other region's, no department")
			.extracting((n) -> n.path("recipient").asString())
			.containsExactly("sm.west");
		assertThat(ownItems("sm.northeast", "SALES_MANAGER", "NORTHEAST", orderId)).isEmpty();
		assertThat(Infrastructure.get().mail().received().stream().filter((m) -> m.body().contains(orderId)))
			.extracting(Mail::to)
			.containsExactly("sm.west@chairside.example");
	}

	@Test
	void tellsTheSalesManagersOfALateCancellationRequested() {
		String orderId = publish("OrderCancellationRequested", UUID.randomUUID().toString(), "region", "SOUTHWEST");

		await().until(() -> ownItems("sm.southwest", "SALES_MANAGER", "SOUTHWEST", orderId).size() == 1);
		await().until(() -> mailsAbout(orderId, "sm.southwest@chairside.example").size() == 1);
		assertThat(mailsAbout(orderId, "sm.southwest@chairside.example").get(0).subject())
			.isEqualTo("SO-2026-000042: cancellation requested: "
					+ "Practice sold before opening; the buyer brings its own equipment.");
	}

	@Test
	void tellsTheAccountManagerWhoAskedOfTheDecision() {
		String rejected = publish("DiscountRejected", UUID.randomUUID().toString(), "region", "MIDWEST", "requestedBy",
				"am.midwest", "decidedBy", "sm.midwest");
		String approved = publish("DiscountApproved", UUID.randomUUID().toString(), "region", "MIDWEST", "requestedBy",
				"am.midwest", "decidedBy", "sm.midwest");
		String notCancelled = publish("OrderCancellationRejected", UUID.randomUUID().toString(), "region", "MIDWEST",
				"requestedBy", "am.midwest");

		for (String orderId : List.of(rejected, approved, notCancelled)) {
			await().until(() -> ownItems("am.midwest", "ACCOUNT_MANAGER", "MIDWEST", orderId).size() == 1);
			await().until(() -> mailsAbout(orderId, "am.midwest@chairside.example").size() == 1);
		}
		assertThat(ownItems("am.midwest", "ACCOUNT_MANAGER", "MIDWEST", rejected).get(0).path("title").asString())
			.isEqualTo("SO-2026-000042: discount of 15 % rejected: Above what we give this practice's group; 10 % at most");
		assertThat(ownItems("am.midwest", "ACCOUNT_MANAGER", "MIDWEST", approved).get(0).path("title").asString())
			.isEqualTo("SO-2026-000042: discount of 15 % approved by sm.midwest");
		assertThat(ownItems("sm.midwest", "SALES_MANAGER", "MIDWEST", rejected)).as("the decider is not told").isEmpty();
	}

	@Test
	void tellsTheRequesterOfAnApprovedCancellationBesideTheDepartments() {
		String orderId = publish("OrderCancelled", UUID.randomUUID().toString(), "region", "WEST", "requestedBy",
				"am.west", "approvedBy", "sm.west");

		await().until(() -> ownItems("am.west", "ACCOUNT_MANAGER", "WEST", orderId).size() == 1);
		await().until(() -> as("admin", "ADMIN", null).get("/api/notifications?orderId=" + orderId)
			.json()
			.path("items")
			.size() == 6);
	}

}
