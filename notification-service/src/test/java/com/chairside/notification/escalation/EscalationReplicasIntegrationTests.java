package com.chairside.notification.escalation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import com.chairside.notification.NotificationReplica;
import com.chairside.notification.NotificationServiceTest;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.MutableClock;

import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three whole replicas of notification-service: the test's context and two more application contexts on their own
 * ports, against the same store, the same broker (one consumer group) and the same clock. The two started here check
 * for escalations on a short schedule, the test's context on the same interval when the test calls it. A cancellation arrives through the
 * real topic; once its deadline has passed, two replicas' escalation checks run at the same moment, again and again,
 * besides the schedules, and the sales manager still hears of it once, with one NotificationEscalated on the topic.
 * The scheduled check itself runs once per interval, whatever the replicas.
 */
@NotificationServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EscalationReplicasIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final String ESCALATED = "chairside.notification.NotificationEscalated.v1";

	/** Every replica's escalation check interval here (see {@link NotificationServiceTest}): the scheduler lock's hold. */
	private static final Duration INTERVAL = Duration.ofMillis(250);

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	EscalationJob job;

	@Autowired
	Environment environment;

	@Autowired
	MeterRegistry meters;

	ConfigurableApplicationContext secondReplica;

	ConfigurableApplicationContext thirdReplica;

	Api admin;

	@BeforeAll
	void startReplicas() {
		this.secondReplica = startReplica();
		this.thirdReplica = startReplica();
		this.admin = Api.local(this.port, Infrastructure.get().token("sales.admin", "SALES_ADMIN", null));
	}

	private ConfigurableApplicationContext startReplica() {
		return NotificationReplica.start(this.environment, this.clock, "chairside.notifications.escalation.initial-delay=0s");
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@AfterAll
	void stopReplicas() {
		for (ConfigurableApplicationContext replica : new ConfigurableApplicationContext[] { this.secondReplica,
				this.thirdReplica }) {
			if (replica != null) {
				replica.close();
			}
		}
	}

	/**
	 * The scheduler lock holds the check for an interval from each run's start, so runs start at least an interval
	 * apart: in a window, at most one more run than the intervals it spans (and one more for the time between a run's
	 * lock and its count). Without the lock, the two schedules and the test's calls would run it three times as often.
	 */
	@Test
	void theScheduledCheckRunsOncePerIntervalOnThreeReplicas() {
		List<MeterRegistry> replicas = List.of(this.meters, this.secondReplica.getBean(MeterRegistry.class),
				this.thirdReplica.getBean(MeterRegistry.class));
		long start = System.nanoTime();
		double runsBefore = count(replicas, "chairside.scheduled.runs");
		double skippedBefore = count(replicas, "chairside.scheduled.skipped");
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
			this.job.escalateOnSchedule(); // the test's replica takes its turn as its scheduler would
			return count(replicas, "chairside.scheduled.runs") >= runsBefore + 8;
		});
		double runs = count(replicas, "chairside.scheduled.runs") - runsBefore;
		Duration window = Duration.ofNanos(System.nanoTime() - start);
		assertThat(runs).as("runs in %s", window).isLessThanOrEqualTo(window.toMillis() / INTERVAL.toMillis() + 2);
		assertThat(count(replicas, "chairside.scheduled.skipped") - skippedBefore)
			.as("turns the replicas left to the lock's holder").isGreaterThan(runs);
	}

	private static double count(List<MeterRegistry> replicas, String name) {
		return replicas.stream()
			.map((registry) -> registry.find(name).tag("job", "escalation").counter())
			.mapToDouble((counter) -> (counter != null) ? counter.count() : 0)
			.sum();
	}

	@Test
	void anUnacknowledgedCancellationIsEscalatedOnceByTwoReplicas() throws Exception {
		EscalationJob secondJob = this.secondReplica.getBean(EscalationJob.class);
		assertThat(secondJob).isNotSameAs(this.job);
		int secondPort = ((WebServerApplicationContext) this.secondReplica).getWebServer().getPort();
		Api secondAdmin = Api.local(secondPort, Infrastructure.get().token("sales.admin", "SALES_ADMIN", null));

		String orderId = UUID.randomUUID().toString();
		kafka.sendCloudEvent("chairside.orders", orderId, UUID.randomUUID().toString(),
				"chairside.order.OrderCancelled.v1", 4,
				Contracts.example("chairside.order.OrderCancelled.v1", "orderId", orderId, "region", "NORTHEAST"));
		// The second replica joining the group makes the broker rebalance first: allow for it.
		await().atMost(Duration.ofSeconds(60)).until(() -> notificationsOf(secondAdmin, orderId).size() == 5);
		List<JsonNode> told = notificationsOf(this.admin, orderId);
		assertThat(told).hasSize(5);
		for (JsonNode notification : told) {
			String department = notification.path("department").asString();
			if (!department.equals("PRODUCTION")) { // production alone leaves it unacknowledged
				Api asDepartment = secondAdmin.as(Infrastructure.get().departmentToken("lead." + department, department));
				assertThat(asDepartment.post("/api/notifications/" + notification.path("id").asString() + "/acknowledge", "")
					.status()).isEqualTo(200);
			}
		}
		String production = told.stream()
			.filter((n) -> n.path("department").asString().equals("PRODUCTION"))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asString();
		Set<String> ofThisOrder = told.stream().map((n) -> n.path("id").asString()).collect(Collectors.toSet());

		bothReplicasEscalate();
		assertThat(notificationsOf(this.admin, orderId)).as("nothing is due before the deadline")
			.allMatch((n) -> n.path("escalatedAt").isNull());

		this.clock.advance(Duration.ofHours(25)); // past every department's deadline
		for (int round = 0; round < 5; round++) {
			bothReplicasEscalate();
		}

		List<JsonNode> all = notificationsOf(this.admin, orderId);
		assertThat(all.stream().filter((n) -> !n.path("escalatedAt").isNull()))
			.extracting((n) -> n.path("id").asString())
			.containsExactly(production);
		List<JsonNode> escalations = all.stream().filter((n) -> !n.path("escalationOf").isNull()).toList();
		assertThat(escalations).hasSize(1);
		assertThat(escalations.get(0).path("recipient").asString()).isEqualTo("sm.northeast");
		assertThat(escalations.get(0).path("escalationOf").asString()).isEqualTo(production);

		KafkaProbe.Received event = kafka.awaitRecord("chairside.notifications", production, ESCALATED);
		assertThat(Contracts.violations(ESCALATED, event.value())).isEmpty();
		assertThat(event.value()).contains("\"escalatedTo\":\"sm.northeast\"");
		// Either relay may publish a staged event again (at least once); a second escalation would be another ce_id.
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(15))
			.until(() -> kafka.records("chairside.notifications")
				.stream()
				.filter((r) -> ofThisOrder.contains(r.key()) && ESCALATED.equals(r.header("ce_type")))
				.map((r) -> r.header("ce_id"))
				.distinct()
				.count() == 1);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(15))
			.until(() -> Infrastructure.get()
				.mail()
				.received()
				.stream()
				.filter((m) -> m.to().equals("sm.northeast@chairside.example") && m.body().contains(orderId))
				.count() == 1);
	}

	/**
	 * The escalation check of both replicas released at the same moment, each on its own thread (the common pool may
	 * have a single thread on a small machine); returns when both are done.
	 */
	private void bothReplicasEscalate() throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> runs = new ArrayList<>();
			for (EscalationJob replica : List.of(this.job, this.secondReplica.getBean(EscalationJob.class))) {
				runs.add(threads.submit(() -> {
					start.await();
					return replica.escalateOverdue();
				}));
			}
			start.countDown();
			for (Future<Integer> run : runs) {
				run.get();
			}
		}
		finally {
			threads.shutdown();
		}
	}

	private static List<JsonNode> notificationsOf(Api api, String orderId) {
		List<JsonNode> list = new ArrayList<>();
		api.get("/api/notifications?orderId=" + orderId).json().path("items").forEach(list::add);
		return list;
	}

}
