package com.chairside.order.delivery;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.order.OrderFixtures;
import com.chairside.order.OrderServiceTest;
import com.chairside.order.order.Orders;
import com.chairside.platform.outbox.EventFactory;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.MutableClock;

import static com.chairside.order.OrderFixtures.awaitEvent;
import static com.chairside.order.OrderFixtures.distinct;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery watch on the test clock: days pass by hand. A second watch on the same store stands for a second
 * replica of order-service; each risk is still raised once.
 */
@OrderServiceTest
class DeliveryWatchIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DeliveryWatch watch;

	@Autowired
	Orders orders;

	@Autowired
	EventFactory events;

	@Autowired
	MutableClock clock;

	OrderFixtures fixtures;

	DeliveryWatch replica;

	@BeforeEach
	void setUp() {
		this.fixtures = OrderFixtures.on(this.port);
		this.replica = new DeliveryWatch(this.orders, this.events, this.clock,
				new DeliveryWatchProperties(Duration.ofMinutes(15), Duration.ofMinutes(1), 5, 3));
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	/** An order of treatment chairs (42 days' lead time) and delivery units (28), confirmed for {@code days} ahead. */
	private String confirmedInDays(int days) {
		String id = this.fixtures.place(this.fixtures.openedAccount());
		assertThat(this.fixtures.move(id, "CONFIRMED", today().plusDays(days).toString()).status()).isEqualTo(200);
		return id;
	}

	/** Both replicas watch at the same moment, twice. */
	private void bothReplicasWatch() {
		for (int round = 0; round < 2; round++) {
			CompletableFuture<Integer> one = CompletableFuture.supplyAsync(this.watch::watch);
			CompletableFuture<Integer> two = CompletableFuture.supplyAsync(this.replica::watch);
			CompletableFuture.allOf(one, two).join();
		}
	}

	@Test
	void raisesExactlyOneAtRiskEventPerRiskAlsoWithTwoReplicasWatching() {
		String id = confirmedInDays(60);
		bothReplicasWatch();
		assertThat(distinct(id, "DeliveryCommitmentAtRisk")).as("18 days of slack: not at risk").isZero();

		this.clock.advance(Duration.ofDays(14));
		bothReplicasWatch();
		String atRisk = awaitEvent(id, "DeliveryCommitmentAtRisk").value();
		assertThat(atRisk).contains("\"reason\":\"PRODUCTION_NOT_STARTED\"", "\"slackDays\":4");

		this.clock.advance(Duration.ofDays(1));
		bothReplicasWatch();
		assertThat(distinct(id, "DeliveryCommitmentAtRisk")).as("one event for one risk").isEqualTo(1);

		this.clock.advance(Duration.ofDays(50));
		bothReplicasWatch();
		assertThat(awaitEvent(id, "DeliveryCommitmentMissed").value()).contains("\"daysLate\":5");
		bothReplicasWatch();
		assertThat(distinct(id, "DeliveryCommitmentMissed")).isEqualTo(1);
		assertThat(distinct(id, "DeliveryCommitmentAtRisk")).isEqualTo(1);
	}

	@Test
	void reschedulingPublishesDeliveryCommitmentChangedAndWatchesTheNewDate() {
		String id = confirmedInDays(45);
		bothReplicasWatch();
		awaitEvent(id, "DeliveryCommitmentAtRisk");

		Api accountManager = this.fixtures.as("ACCOUNT_MANAGER");
		String later = today().plusDays(90).toString();
		String body = "{\"committedDeliveryDate\":\"" + later + "\",\"reason\":\"Production slot moved\"}";
		assertThat(accountManager.send("PUT", "/api/orders/" + id + "/commitment", body).status()).isEqualTo(403);
		Api.Response rescheduled = this.fixtures.as("SALES_ADMIN").send("PUT", "/api/orders/" + id + "/commitment", body);
		assertThat(rescheduled.status()).as(rescheduled.toString()).isEqualTo(200);
		assertThat(rescheduled.field("committedDeliveryDate")).isEqualTo(later);
		assertThat(awaitEvent(id, "DeliveryCommitmentChanged").value()).contains("\"after\":\"" + later + "\"",
				"Production slot moved");

		bothReplicasWatch();
		assertThat(distinct(id, "DeliveryCommitmentAtRisk")).as("the new date has slack").isEqualTo(1);
		this.clock.advance(Duration.ofDays(45));
		bothReplicasWatch();
		org.awaitility.Awaitility.await().until(() -> distinct(id, "DeliveryCommitmentAtRisk") == 2);
	}

}
