package com.chairside.reporting.report;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.ServiceIntegrationTest;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** reporting-service projecting the contract examples of every event from a real broker. */
@ServiceIntegrationTest
class ReportIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final String ORDER_EVENTS = "orderEvents-in-0";

	/** How long a test awaits what follows {@link #inOnePoll}: the restarted binding rejoins its group first. */
	private static final Duration REBALANCE = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	BindingsLifecycleController bindings;

	Api api;

	/** A region of this test alone, so that tests do not count each other's events. */
	String region;

	@BeforeEach
	void signIn() {
		this.region = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
		this.api = Api.local(this.port, Infrastructure.get().token("sm", "SALES_MANAGER", null));
	}

	/** Publishes the example of {@code type} about aggregate {@code id} in this test's region. */
	private String publish(String topic, String type, String idField, String id, long sequence, String ceId) {
		kafka.sendCloudEvent(topic, id, ceId, type, sequence, Contracts.example(type, idField, id, "region", this.region));
		return id;
	}


	/** Sends while the order events' binding is stopped, so that what is sent comes in one poll when it starts again. */
	private void inOnePoll(Runnable send) {
		await().until(() -> kafka.consumedAll("reporting-service", "chairside.orders"));
		this.bindings.stop(ORDER_EVENTS);
		try {
			send.run();
		}
		finally {
			this.bindings.start(ORDER_EVENTS);
		}
	}

	private String lead(String event, String leadId, long sequence) {
		return publish("chairside.leads", "chairside.lead." + event + ".v1", "leadId", leadId, sequence,
				UUID.randomUUID().toString());
	}

	private String order(String event, String orderId, long sequence, String ceId) {
		return publish("chairside.orders", "chairside.order." + event + ".v1", "orderId", orderId, sequence, ceId);
	}

	private JsonNode pipeline() {
		return this.api.get("/api/reports/pipeline?region=" + this.region).json();
	}

	private JsonNode orders() {
		return this.api.get("/api/reports/orders?region=" + this.region).json();
	}

	@Test
	void countsLeadsByTheirLatestStatus() {
		String converted = lead("LeadCaptured", UUID.randomUUID().toString(), 1);
		lead("DecisionMakerIdentified", converted, 2);
		lead("LeadQualified", converted, 3);
		lead("LeadConverted", converted, 4);
		lead("LeadCaptured", UUID.randomUUID().toString(), 1);
		String qualified = lead("LeadCaptured", UUID.randomUUID().toString(), 1);
		lead("LeadQualified", qualified, 3);
		lead("DecisionMakerIdentified", qualified, 2); // late and older: ignored
		publish("chairside.accounts", "chairside.account.AccountOpened.v1", "accountId", UUID.randomUUID().toString(), 1,
				UUID.randomUUID().toString());

		await().until(() -> pipeline().path("totalLeads").asLong() == 3 && pipeline().path("accountsOpened").asLong() == 1
				&& pipeline().path("leadsByStatus").path("CONVERTED").asLong() == 1);
		JsonNode report = pipeline();
		assertThat(report.path("region").asString()).isEqualTo(this.region);
		assertThat(report.path("leadsByStatus").path("NEW").asLong()).isEqualTo(1);
		assertThat(report.path("leadsByStatus").path("QUALIFIED").asLong()).isEqualTo(1);
		assertThat(report.path("leadsByStatus").path("CONTACTED").asLong()).isZero();
	}

	@Test
	void countsOrdersPlacedChangedCancelledAndTheBookedValueOnceEach() {
		String kept = order("OrderPlaced", UUID.randomUUID().toString(), 1, UUID.randomUUID().toString());
		String change = UUID.randomUUID().toString();
		order("OrderChanged", kept, 2, change);
		order("OrderChanged", kept, 2, change); // redelivered
		String cancelled = order("OrderPlaced", UUID.randomUUID().toString(), 1, UUID.randomUUID().toString());
		order("OrderCancelled", cancelled, 2, UUID.randomUUID().toString());

		await().until(() -> kafka.consumedAll("reporting-service", "chairside.orders"));
		await().until(() -> orders().path("ordersCancelled").asLong() == 1);
		JsonNode report = orders();
		assertThat(report.path("ordersPlaced").asLong()).isEqualTo(2);
		assertThat(report.path("ordersChanged").asLong()).isEqualTo(1);
		assertThat(report.path("changes").asLong()).isEqualTo(1);
		String changedTotal = Contracts.example("chairside.order.OrderChanged.v1")
			.replaceAll("(?s).*\"total\"\\s*:\\s*\\{\\s*\"amount\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		assertThat(report.path("bookedValue").path("amount").asString()).isEqualTo(changedTotal);
		assertThat(report.path("bookedValue").path("currency").asString()).isEqualTo("USD");
	}

	@Test
	void sendsAPoisonMessageToTheDeadLetterTopicAndGoesOn() {
		String orderId = UUID.randomUUID().toString();
		kafka.sendCloudEvent("chairside.orders", orderId, UUID.randomUUID().toString(),
				"chairside.order.OrderPlaced.v1", 1, "{\"orderId\":\"" + orderId + "\",\"total\":\"lots\"}");
		order("OrderPlaced", orderId, 2, UUID.randomUUID().toString());

		await().until(() -> kafka.records("chairside.orders.reporting-service.dlt").stream().anyMatch(r -> orderId.equals(r.key())));
		await().until(() -> orders().path("ordersPlaced").asLong() == 1);
	}

	/**
	 * One poll holding an order change delivered in an earlier poll, a new change twice, and a poison record amid them
	 * (one order, one partition): each change counts once, the poison record alone goes to the dead-letter topic, and
	 * the cancellation after it counts.
	 */
	@Test
	void aPollWithEventsDeliveredAgainAndAPoisonRecordCountsEachEventOnce() {
		String kept = order("OrderPlaced", UUID.randomUUID().toString(), 1, UUID.randomUUID().toString());
		String first = UUID.randomUUID().toString();
		order("OrderChanged", kept, 2, first);
		await().until(() -> orders().path("changes").asLong() == 1);

		String second = UUID.randomUUID().toString();
		String poison = UUID.randomUUID().toString();
		inOnePoll(() -> {
			order("OrderChanged", kept, 2, first);
			order("OrderChanged", kept, 3, second);
			order("OrderChanged", kept, 3, second);
			kafka.sendCloudEvent("chairside.orders", kept, poison, "chairside.order.OrderPlaced.v1", 1,
					"{\"orderId\":\"" + kept + "\",\"total\":\"lots\"}");
			order("OrderCancelled", kept, 4, UUID.randomUUID().toString());
		});

		// the binding's restart makes the group rebalance first, which takes seconds on a loaded machine
		await().atMost(REBALANCE).until(() -> orders().path("ordersCancelled").asLong() == 1);
		await().until(() -> kafka.consumedAll("reporting-service", "chairside.orders"));
		JsonNode report = orders();
		assertThat(report.path("ordersPlaced").asLong()).isEqualTo(1);
		assertThat(report.path("ordersChanged").asLong()).isEqualTo(1);
		assertThat(report.path("changes").asLong()).as("the changes of sequence 2 and 3, once each").isEqualTo(2);
		List<Received> dead = kafka.records("chairside.orders.reporting-service.dlt");
		await().until(() -> dead.stream().anyMatch((r) -> kept.equals(r.key())));
		assertThat(dead.stream().filter((r) -> kept.equals(r.key()))).as("the poison record alone")
			.singleElement()
			.satisfies((r) -> assertThat(r.header("ce_id")).isEqualTo(poison));
	}

	@Test
	void keepsAccountManagersToTheirRegion() {
		Api manager = this.api.as(Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
		assertThat(manager.get("/api/reports/pipeline?region=NORTHEAST").status()).isEqualTo(200);
		assertThat(manager.get("/api/reports/orders").json().path("region").asString()).isEqualTo("NORTHEAST");
		assertThat(manager.get("/api/reports/orders?region=WEST").status()).isEqualTo(403);
		assertThat(this.api.as(Infrastructure.get().departmentToken("fin", "FINANCE")).get("/api/reports/orders").status())
			.isEqualTo(403);
		assertThat(this.api.get("/api/reports/orders?region=north-east").status()).isEqualTo(400);
		assertThat(this.api.as(null).get("/api/reports/pipeline").status()).isEqualTo(401);
	}

}
