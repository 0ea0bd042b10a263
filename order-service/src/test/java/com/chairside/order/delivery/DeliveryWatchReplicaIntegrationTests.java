package com.chairside.order.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.chairside.order.OrderFixtures;
import com.chairside.order.OrderServiceApplication;
import com.chairside.order.OrderServiceTest;
import com.chairside.testsupport.MutableClock;

import static com.chairside.order.OrderFixtures.awaitEvent;
import static com.chairside.order.OrderFixtures.distinct;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of order-service: the test's application context and a second one started beside it on its own port,
 * against the same store and the same broker, on the same test clock. Both watch the same orders at the same moment,
 * round after round, and each risk still reaches the topic once.
 */
@OrderServiceTest
// A context (and store) of its own, so that the watches count these orders only; its relays publish at once after a
// save and sweep every few milliseconds, so that an event saved twice has its chance to reach the topic twice.
@TestPropertySource(properties = "chairside.outbox.sweep-interval=5ms")
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryWatchReplicaIntegrationTests {

	private static final int ORDERS = 12;

	private static final int ROUNDS = 3;

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	@Autowired
	DeliveryWatch watch;

	@Autowired
	MutableClock clock;

	ConfigurableApplicationContext secondReplica;

	@BeforeAll
	void startSecondReplica() {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
		for (String property : List.of("spring.kafka.bootstrap-servers", "spring.mongodb.uri",
				"spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "spring.mail.host", "spring.mail.port",
				"chairside.outbox.sweep-interval", "chairside.orders.account-service.url", "chairside.orders.delivery-watch.initial-delay")) {
			args.add("--" + property + "=" + this.environment.getRequiredProperty(property));
		}
		// The same clock instance: both replicas see the same days pass.
		this.secondReplica = new SpringApplicationBuilder(OrderServiceApplication.class)
			.initializers((context) -> context.getBeanFactory().registerSingleton("testClock", this.clock))
			.run(args.toArray(String[]::new));
		assertThat(this.secondReplica.getBean(Clock.class)).isSameAs(this.clock);
	}

	@AfterAll
	void stopSecondReplica() {
		this.clock.reset();
		if (this.secondReplica != null) {
			this.secondReplica.close();
		}
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * Both watches start together (one gate), {@link #ROUNDS} times; returns how many risks the two raised between
	 * them (a watch counts a risk only when its save of the order won).
	 */
	private int bothReplicasWatch() {
		DeliveryWatch second = this.secondReplica.getBean(DeliveryWatch.class);
		int raised = 0;
		for (int round = 0; round < ROUNDS; round++) {
			CountDownLatch gate = new CountDownLatch(1);
			CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> watchAfter(gate, this.watch));
			CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> watchAfter(gate, second));
			gate.countDown();
			raised += one.join() + two.join();
		}
		return raised;
	}

	private static int watchAfter(CountDownLatch gate, DeliveryWatch watch) {
		try {
			gate.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return watch.watch();
	}

	@Test
	void raisesExactlyOneAtRiskAndOneMissedEventPerOrderWithTwoReplicasWatching() {
		int secondPort = Integer.parseInt(this.secondReplica.getEnvironment().getRequiredProperty("local.server.port"));
		assertThat(secondPort).isNotEqualTo(this.port);
		List<OrderFixtures> replicas = List.of(OrderFixtures.on(this.port), OrderFixtures.on(secondPort));
		String committed = today().plusDays(60).toString();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < ORDERS; i++) {
			// placed and confirmed through either replica: they share one store
			OrderFixtures replica = replicas.get(i % 2);
			String id = replica.place(replica.openedAccount());
			assertThat(replicas.get((i + 1) % 2).move(id, "CONFIRMED", committed).status()).isEqualTo(200);
			ids.add(id);
		}

		assertThat(bothReplicasWatch()).as("18 days of slack: nothing at risk").isZero();
		this.clock.advance(Duration.ofDays(14));
		assertThat(bothReplicasWatch()).as("one risk per order, raised by one replica").isEqualTo(ORDERS);
		ids.forEach((id) -> assertThat(awaitEvent(id, "DeliveryCommitmentAtRisk").value())
			.contains("\"reason\":\"PRODUCTION_NOT_STARTED\"", "\"slackDays\":4"));

		this.clock.advance(Duration.ofDays(1));
		assertThat(bothReplicasWatch()).as("the same risk again").isZero();
		this.clock.advance(Duration.ofDays(50));
		assertThat(bothReplicasWatch()).as("one missed date per order").isEqualTo(ORDERS);
		ids.forEach((id) -> assertThat(awaitEvent(id, "DeliveryCommitmentMissed").value()).contains("\"daysLate\":5"));
		assertThat(bothReplicasWatch()).isZero();

		// A last change of each order, published after everything the watches raised (same key, same partition): once
		// the probe has read it, it has read every event of the order before it.
		for (int i = 0; i < ids.size(); i++) {
			String id = ids.get(i);
			assertThat(replicas.get(i % 2).as("ACCOUNT_MANAGER").patch("/api/orders/" + id,
					"{\"reason\":\"Site confirmed\",\"deliverySite\":\"Site " + i + "\"}").status()).isEqualTo(200);
			awaitEvent(id, "OrderChanged");
		}
		for (String id : ids) {
			assertThat(distinct(id, "DeliveryCommitmentAtRisk")).as("at-risk events of %s", id).isEqualTo(1);
			assertThat(distinct(id, "DeliveryCommitmentMissed")).as("missed events of %s", id).isEqualTo(1);
		}
	}

}
