package com.chairside.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A second notification-service process joins the first: they share the partitions of chairside.orders, and every
 * department is still told of every event exactly once, whichever replica handled it.
 */
@Order(2)
class ReplicaSystemTests {

	static Suite suite;

	@BeforeAll
	static void start() {
		suite = Suite.get();
	}

	@Test
	void twoNotificationReplicasShareTheWorkAndNotifyEachDepartmentOnce() {
		ManagedProcess replica = suite.startReplica("notification-service");
		await().atMost(Duration.ofSeconds(60)).until(() -> replica.logText().contains("partitions assigned: [chairside.orders"));

		Api api = suite.accountManager("SOUTHEAST");
		String accountId = api.post("/api/accounts", """
				{"name":"Gulf Coast Pediatric Dentistry","specialty":"PEDIATRIC_DENTISTRY","city":"Tampa","country":"US"}""")
			.field("id");
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			Api.Response placed = api.post("/api/orders", """
					{"accountId":"%s","lines":[{"sku":"EC-PEDO-100","quantity":%d}],"requestedDeliveryDate":"2027-06-01"}"""
				.formatted(accountId, i + 1));
			assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
			orders.add(placed.field("id"));
		}
		for (String order : orders) {
			assertThat(api.post("/api/orders/" + order + "/cancel", "{\"reason\":\"Consolidated into one order\"}").status())
				.isEqualTo(200);
		}

		Api salesAdmin = suite.gateway(suite.token("sales.admin", "SALES_ADMIN", null, null));
		for (String order : orders) {
			await().atMost(Duration.ofSeconds(60)).until(() -> salesAdmin
				.get("/api/notifications?orderId=" + order).json().path("items").size() == 9);
			List<String> told = salesAdmin.get("/api/notifications?orderId=" + order).json().path("items")
				.findValuesAsText("department");
			assertThat(told).as("placed: 4 departments, cancelled: all 5, each once").hasSize(9);
		}
		String first = suite.process("notification-service").logText();
		String second = replica.logText();
		assertThat(first.contains("recorded for") && second.contains("recorded for"))
			.as("both replicas handled some of the events").isTrue();
	}

}
