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
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import com.chairside.notification.NotificationServiceApplication;
import com.chairside.notification.NotificationServiceTest;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two whole replicas of notification-service: the test's context and a second application context on its own port,
 * against the same store, the same broker (one consumer group) and the same clock. A cancellation arrives through the
 * real topic; once its deadline has passed, both replicas' escalation checks run at the same moment, again and again,
 * and the sales manager still hears of it once, with one NotificationEscalated on the topic.
 */
@NotificationServiceTest
class EscalationReplicasIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final String ESCALATED = "chairside.notification.NotificationEscalated.v1";

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	EscalationJob job;

	@Autowired
	Environment environment;

	ConfigurableApplicationContext secondReplica;

	Api admin;

	@BeforeEach
	void startSecondReplica() {
		this.secondReplica = new SpringApplicationBuilder(NotificationServiceApplication.class)
			.initializers((context) -> {
				// What the first replica runs against, read from its environment: same store, broker, issuer, mail.
				List<String> shared = Stream
					.of("spring.kafka.bootstrap-servers", "spring.mongodb.uri",
							"spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "spring.mail.host",
							"spring.mail.port", "chairside.outbox.sweep-interval")
					.map((name) -> name + "=" + this.environment.getRequiredProperty(name))
					.collect(Collectors.toCollection(ArrayList::new));
				shared.addAll(List.of(NotificationServiceTest.class.getAnnotation(TestPropertySource.class).properties()));
				shared.add("server.port=0");
				TestPropertyValues.of(shared).applyTo(context);
				context.getBeanFactory().registerSingleton("testClock", this.clock);
			})
			.run();
		this.admin = Api.local(this.port, Infrastructure.get().token("sales.admin", "SALES_ADMIN", null));
	}

	@AfterEach
	void stopSecondReplica() {
		this.clock.reset();
		if (this.secondReplica != null) {
			this.secondReplica.close();
		}
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
