package com.chairside.system;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.chairside.launcher.PartProcess;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every consumer service runs as two replicas sharing their topics' partitions; the account manager's flow and a burst
 * of order changes go through, and one replica of each is killed (SIGKILL) mid-way, once the order topic's consumers
 * are seen to have events not yet handled. Afterwards no event lacks its effect and none had two: every lead converted
 * opened one account, every order event reached each department the routing rules send it to exactly once per
 * channel, and the reports count each event once.
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
		await("the start-up archives the suite's first start trained").atMost(Duration.ofSeconds(120))
			.until(() -> CONSUMERS.stream().allMatch((service) -> Files.isRegularFile(suite.startupArchive(service))));
		Map<String, List<String>> noSettings = new LinkedHashMap<>();
		CONSUMERS.forEach((service) -> noSettings.put(service, List.of()));
		List<PartProcess> replicas = suite.startReplicas(noSettings).values().stream().map(Suite.Replica::process).toList();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> replicas.get(2).logText().contains("partitions assigned: [chairside.orders"));
		assertThat(replicas).as("replicas start from the start-up archives")
			.allSatisfy((replica) -> assertThat(ProcessHandle.of(replica.pid()).flatMap((p) -> p.info().commandLine()))
				.hasValueSatisfying((line) -> assertThat(line).contains("-XX:SharedArchiveFile=")));

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
		boolean killed = false;
		try (ConsumerLag lag = new ConsumerLag(suite.kafka().address())) {
			for (int round = 2; round <= 6; round++) {
				for (String order : orders) {
					Api.Response changed = api.patch("/api/orders/" + order, """
							{"reason":"Operatory count revised","lines":[{"sku":"TC-OS-200","quantity":%d}]}""".formatted(round));
					assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
					// From the third round on, killed the moment both order consumers have events not yet handled: a
					// kill while nothing is in flight would prove nothing about redelivery.
					if (!killed && round >= 3 && unhandledEvents(lag)) {
						replicas.forEach(PartProcess::kill);
						killed = true;
					}
				}
			}
		}
		assertThat(killed).as("the replicas killed while the order consumers had unhandled events").isTrue();
		for (String order : orders.subList(0, 2)) {
			assertThat(api.post("/api/orders/" + order + "/cancel", "{\"reason\":\"Merged\"}").status()).isEqualTo(200);
		}

		try (KafkaProbe kafka = new KafkaProbe(suite.kafka().address())) {
			List<Received> orderEvents = kafka.records("chairside.orders");
			long expectedEvents = orders.size() * (1 + 5) + 2;
			await().atMost(Duration.ofSeconds(60)).until(() -> distinctEventsOf(orderEvents, orders).size() >= expectedEvents);
			Set<String> events = distinctEventsOf(orderEvents, orders);
			assertThat(events).as("every acknowledged command produced one event").hasSize((int) expectedEvents);

			Map<String, Set<String>> routed = RoutedDepartments.byEventType(suite);
			Map<String, String> types = new HashMap<>();
			orderEvents.stream().filter((r) -> events.contains(r.header("ce_id")))
				.forEach((r) -> types.put(r.header("ce_id"), RoutedDepartments.eventType(r.header("ce_type"))));
			Api admin = suite.gateway(suite.token("admin", "ADMIN", null, null));
			await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
				Set<String> notified = new HashSet<>();
				Map<String, Integer> perRecipient = new HashMap<>();
				for (String order : orders) {
					for (JsonNode n : admin.get("/api/notifications?size=500&orderId=" + order).json().path("items")) {
						notified.add(n.path("eventId").asString());
						if (!n.path("department").isNull() && !n.path("department").isMissingNode()) {
							perRecipient.merge(n.path("eventId").asString() + " " + n.path("department").asString() + " "
									+ n.path("channel").asString(), 1, Integer::sum);
						}
					}
				}
				assertThat(notified).as("no event without its notifications").isEqualTo(events);
				// Every department the rules route each event to, told once per channel: none left out, none twice.
				List<String> missing = new ArrayList<>();
				for (String event : events) {
					for (String department : routed.getOrDefault(types.get(event), Set.of())) {
						if (perRecipient.keySet().stream().noneMatch((k) -> k.startsWith(event + " " + department + " "))) {
							missing.add(types.get(event) + " " + event + " to " + department);
						}
					}
				}
				assertThat(missing).as("events a department the rules name was not told of").isEmpty();
				assertThat(perRecipient).as("(event, department, channel) told more than once")
					.allSatisfy((recipient, count) -> assertThat(count).as(recipient).isEqualTo(1));
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

	/** Both consumers of the order topic have events on it they have not handled (committed) yet. */
	private static boolean unhandledEvents(ConsumerLag lag) {
		try {
			await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(5))
				.until(() -> lag.of("notification-service", "chairside.orders") > 0
						&& lag.of("reporting-service", "chairside.orders") > 0);
			return true;
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			return false;
		}
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
