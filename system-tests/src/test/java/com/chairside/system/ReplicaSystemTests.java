package com.chairside.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every consumer service runs as two replicas sharing their topics' partitions; the account manager's flow and a burst
 * of order changes go through, and one replica of each is killed (SIGKILL) mid-way. Afterwards no event lacks its
 * effect and none had two: every lead converted opened one account, every order event reached its departments exactly
 * once per department, and the reports count each event once.
 */
@Order(2)
class ReplicaSystemTests {

	static final List<String> CONSUMERS = List.of("account-service", "order-service", "notification-service",
			"reporting-service");

	static Suite suite;

	@BeforeAll
	static void start() {
		suite = Suite.get();
	}

	@Test
	void aConsumerReplicaKilledMidwayLosesNothingAndDoublesNothing() {
		List<ManagedProcess> replicas = CONSUMERS.stream().map(suite::startReplica).toList();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> replicas.get(2).logText().contains("partitions assigned: [chairside.orders"));

		Api api = suite.accountManager("SOUTHWEST");
		List<String> accounts = new ArrayList<>();
		for (String practice : List.of("Desert Bloom Orthodontics", "Mesa Oral Surgery", "Saguaro Pediatric Dentistry")) {
			accounts.add(convertedLead(api, practice));
		}
		for (String account : accounts) {
			await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/accounts/" + account).status() == 200);
		}
		List<String> orders = new ArrayList<>();
		for (String account : accounts) {
			for (int i = 0; i < 2; i++) {
				Api.Response placed = api.post("/api/orders", """
						{"accountId":"%s","lines":[{"sku":"TC-OS-200","quantity":1}],"requestedDeliveryDate":"2027-05-01"}"""
					.formatted(account));
				assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
				orders.add(placed.field("id"));
			}
		}
		for (int round = 2; round <= 6; round++) {
			for (String order : orders) {
				Api.Response changed = api.patch("/api/orders/" + order, """
						{"reason":"Operatory count revised","lines":[{"sku":"TC-OS-200","quantity":%d}]}""".formatted(round));
				assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
			}
			if (round == 3) {
				replicas.forEach(ManagedProcess::kill); // mid-batch: whatever they had not committed is redelivered
			}
		}
		for (String order : orders.subList(0, 2)) {
			assertThat(api.post("/api/orders/" + order + "/cancel", "{\"reason\":\"Merged\"}").status()).isEqualTo(200);
		}

		try (KafkaProbe kafka = new KafkaProbe(suite.kafka().bootstrap())) {
			List<Received> orderEvents = kafka.records("chairside.orders");
			long expectedEvents = orders.size() * (1 + 5) + 2;
			await().atMost(Duration.ofSeconds(60)).until(() -> distinctEventsOf(orderEvents, orders).size() >= expectedEvents);
			Set<String> events = distinctEventsOf(orderEvents, orders);
			assertThat(events).as("every acknowledged command produced one event").hasSize((int) expectedEvents);

			Api salesAdmin = suite.gateway(suite.token("sales.admin", "SALES_ADMIN", null, null));
			await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
				Set<String> notified = new HashSet<>();
				int notifications = 0;
				for (String order : orders) {
					for (JsonNode n : salesAdmin.get("/api/notifications?size=500&orderId=" + order).json().path("items")) {
						notified.add(n.path("eventId").asText());
						notifications += n.path("department").asText().equals("SALES_ADMINISTRATION") ? 1 : 0;
					}
				}
				assertThat(notified).as("no event without its notifications").isEqualTo(events);
				assertThat(notifications).as("sales administration told of each event once").isEqualTo(events.size());
			});
		}

		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
			JsonNode report = api.get("/api/reports/orders?region=SOUTHWEST").json();
			assertThat(report.path("ordersPlaced").asLong()).isEqualTo(orders.size());
			assertThat(report.path("changes").asLong()).isEqualTo(orders.size() * 5L);
			assertThat(report.path("ordersCancelled").asLong()).isEqualTo(2);
			JsonNode pipeline = api.get("/api/reports/pipeline?region=SOUTHWEST").json();
			assertThat(pipeline.path("leadsByStatus").path("CONVERTED").asLong()).isEqualTo(accounts.size());
			assertThat(pipeline.path("accountsOpened").asLong()).isEqualTo(accounts.size());
		});
		assertThat(api.get("/api/accounts?region=SOUTHWEST").json().path("total").asLong())
			.as("one account per converted lead").isEqualTo(accounts.size());
	}

	private static String convertedLead(Api api, String practice) {
		String lead = api.post("/api/leads", """
				{"practiceName":"%s","specialty":"ORAL_SURGERY","region":"SOUTHWEST","source":"OUTBOUND",
				 "city":"Phoenix","country":"US","productInterests":["TREATMENT_CHAIR"],
				 "estimatedValue":{"amount":"41000.00","currency":"USD"}}""".formatted(practice)).field("id");
		assertThat(api.post("/api/leads/" + lead + "/contacts", """
				{"name":"Owner","buyingRole":"DECISION_MAKER"}""").status()).isEqualTo(201);
		assertThat(api.post("/api/leads/" + lead + "/qualify", "{}").status()).isEqualTo(200);
		return api.post("/api/leads/" + lead + "/convert", "{}").field("accountId");
	}

	private static Set<String> distinctEventsOf(List<Received> records, List<String> orders) {
		Set<String> ids = new HashSet<>();
		for (Received r : records) {
			if (orders.contains(r.key())) {
				ids.add(r.header("ce_id"));
			}
		}
		return ids;
	}

}
