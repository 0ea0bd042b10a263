package com.chairside.notification.escalation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.notification.NotificationServiceTest;
import com.chairside.notification.notification.EscalationProperties;
import com.chairside.notification.notification.NotificationManagement;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.MutableClock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A cancellation the departments do not acknowledge in time goes to the region's sales manager once, also when the
 * escalation check of several replicas runs at the same moment on the same store (here: three job instances racing).
 */
@NotificationServiceTest
class EscalationIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	EscalationJob job;

	@Autowired
	NotificationManagement notifications;

	@Autowired
	EscalationProperties properties;

	@Autowired
	MeterRegistry meters;

	Api admin;

	@BeforeEach
	void signIn() {
		this.admin = Api.local(this.port, Infrastructure.get().token("sales.admin", "SALES_ADMIN", null));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private JsonNode notificationsOf(String orderId) {
		return this.admin.get("/api/notifications?orderId=" + orderId).json().path("items");
	}

	private static List<JsonNode> list(JsonNode items) {
		List<JsonNode> list = new ArrayList<>();
		items.forEach(list::add);
		return list;
	}

	@Test
	void anUnacknowledgedCancellationIsEscalatedOnceEvenWithReplicasRacing() throws Exception {
		String orderId = UUID.randomUUID().toString();
		kafka.sendCloudEvent("chairside.orders", orderId, UUID.randomUUID().toString(),
				"chairside.order.OrderCancelled.v1", 4,
				Contracts.example("chairside.order.OrderCancelled.v1", "orderId", orderId, "region", "NORTHEAST"));
		await().until(() -> notificationsOf(orderId).size() == 5);
		String finance = list(notificationsOf(orderId)).stream()
			.filter((n) -> n.path("department").asString().equals("FINANCE"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		Api financeDepartment = this.admin.as(Infrastructure.get().departmentToken("fin.lead", "FINANCE"));
		assertThat(financeDepartment.post("/api/notifications/" + finance + "/acknowledge", "").status()).isEqualTo(200);

		assertThat(this.job.escalateOverdue()).as("nothing is due before the deadline").isZero();
		this.clock.advance(Duration.ofHours(5)); // past production's 4 h, not the others' 24 h
		List<Integer> firstRound = race();
		assertThat(firstRound.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(1);
		this.clock.advance(Duration.ofHours(20)); // past everyone's
		race();
		race();

		List<JsonNode> all = list(notificationsOf(orderId));
		List<JsonNode> escalations = all.stream().filter((n) -> !n.path("escalationOf").isNull()).toList();
		assertThat(escalations).as("one per department that did not acknowledge").hasSize(4);
		assertThat(escalations).extracting((n) -> n.path("recipient").asString()).containsOnly("sm.northeast");
		List<JsonNode> escalated = all.stream().filter((n) -> !n.path("escalatedAt").isNull()).toList();
		assertThat(escalated).extracting((n) -> n.path("department").asString())
			.containsExactlyInAnyOrder("SALES_ADMINISTRATION", "PRODUCTION", "LOGISTICS", "INSTALLATION");
		assertThat(escalations).extracting((n) -> n.path("escalationOf").asString())
			.containsExactlyInAnyOrderElementsOf(escalated.stream().map((n) -> n.path("id").asString()).toList());

		for (JsonNode original : escalated) {
			String id = original.path("id").asString();
			KafkaProbe.Received event = kafka.awaitRecord("chairside.notifications", id,
					"chairside.notification.NotificationEscalated.v1");
			assertThat(Contracts.violations("chairside.notification.NotificationEscalated.v1", event.value())).isEmpty();
			assertThat(event.value()).contains("\"escalatedTo\":\"sm.northeast\"");
			await().during(Duration.ofMillis(300))
				.until(() -> kafka.records("chairside.notifications")
					.stream()
					.filter((r) -> id.equals(r.key())
							&& r.header("ce_type").equals("chairside.notification.NotificationEscalated.v1"))
					.map((r) -> r.header("ce_id"))
					.distinct()
					.count() == 1);
		}
		await().until(() -> Infrastructure.get().mail().received().stream()
			.filter((m) -> m.to().equals("sm.northeast@chairside.example") && m.body().contains(orderId))
			.count() == 4);
	}

	@Test
	void readsTheDeadlinesOncePerHorizonNotAtEveryCheck() {
		EscalationJob replica = new EscalationJob(this.notifications, this.properties, this.meters, this.clock, new com.chairside.notification.texts.Texts());
		Counter reads = this.meters.counter("chairside.notifications.escalation.reads");
		double before = reads.count();

		replica.escalateOverdue();
		this.clock.advance(Duration.ofMinutes(59));
		replica.escalateOverdue();
		assertThat(reads.count() - before).as("one scan of notifications for the hour ahead").isEqualTo(1);

		this.clock.advance(Duration.ofMinutes(1));
		replica.escalateOverdue();
		assertThat(reads.count() - before).as("the horizon reached: read again").isEqualTo(2);
	}

	/** Three escalation jobs (as on three replicas) started at once on the same store; what each escalated. */
	private List<Integer> race() throws Exception {
		List<EscalationJob> replicas = List.of(this.job,
				new EscalationJob(this.notifications, this.properties, this.meters, this.clock, new com.chairside.notification.texts.Texts()),
				new EscalationJob(this.notifications, this.properties, this.meters, this.clock, new com.chairside.notification.texts.Texts()));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(replicas.size());
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (EscalationJob replica : replicas) {
				runs.add(threads.submit((Callable<Integer>) () -> {
					start.await();
					return replica.escalateOverdue();
				}));
			}
			start.countDown();
			List<Integer> escalated = new ArrayList<>();
			for (Future<Integer> run : runs) {
				escalated.add(run.get());
			}
			return escalated;
		}
		finally {
			threads.shutdown();
		}
	}

}
