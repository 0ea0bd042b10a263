package com.chairside.reporting.projection.rebuild;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.chairside.reporting.projection.ActiveCollections;
import com.chairside.reporting.projection.Projection;
import com.chairside.reporting.projection.Projections;
import com.chairside.reporting.projection.rebuild.RebuildRun.PartitionProgress;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding every projection from the topics on generated history (every kind of event, duplicates, older events
 * arriving late, aggregates interleaved): the rebuilt copy equals the live one, the live one answers throughout, the
 * progress is visible, and a rebuild abandoned by a dead replica is taken over and completed.
 */
@ServiceIntegrationTest
class RebuildIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final List<String> TOPICS = List.of("chairside.leads", "chairside.accounts", "chairside.demos",
			"chairside.orders", "chairside.targets");

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Projections projections;

	@Autowired
	ActiveCollections active;

	Api admin;

	Api manager;

	String region;

	@BeforeEach
	void signIn() {
		this.region = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
		this.admin = Api.local(this.port, Infrastructure.get().token("admin", "ADMIN", null));
		this.manager = this.admin.as(Infrastructure.get().token("sm", "SALES_MANAGER", null));
	}

	/** An event to publish: topic, key, type, sequence, payload, and its own ce_id (a duplicate reuses it). */
	private record Generated(String topic, String key, String type, long sequence, String payload, String ceId) {
	}

	private Generated event(String topic, String type, String key, long sequence, String idField, String... fields) {
		String[] all = new String[fields.length + 4];
		all[0] = idField;
		all[1] = key;
		all[2] = "region";
		all[3] = this.region;
		System.arraycopy(fields, 0, all, 4, fields.length);
		return new Generated(topic, key, type, sequence, Contracts.example(type, all), UUID.randomUUID().toString());
	}

	/**
	 * A region's history: leads through the funnel, accounts with activities, demos, orders from draft to delivery or
	 * cancellation, targets set twice; each aggregate's events in order, aggregates interleaved, then duplicates and
	 * older events sent again late.
	 */
	private List<Generated> history(int leads, int orders) {
		Random random = new Random(7);
		List<List<Generated>> aggregates = new ArrayList<>();
		for (int i = 0; i < leads; i++) {
			String id = UUID.randomUUID().toString();
			String day = String.format("2026-11-%02dT10:00:00Z", 1 + random.nextInt(27));
			List<Generated> lead = new ArrayList<>();
			lead.add(event("chairside.leads", "chairside.lead.LeadCaptured.v1", id, 1, "leadId", "capturedAt", day,
					"source", List.of("CONFERENCE", "OUTBOUND", "INBOUND_WEB").get(random.nextInt(3))));
			int stage = random.nextInt(5);
			if (stage >= 1) {
				lead.add(event("chairside.leads", "chairside.lead.DecisionMakerIdentified.v1", id, 2, "leadId"));
			}
			if (stage >= 2) {
				lead.add(event("chairside.leads", "chairside.lead.LeadQualified.v1", id, 3, "leadId"));
			}
			if (stage == 3) {
				lead.add(event("chairside.leads", "chairside.lead.LeadConverted.v1", id, 4, "leadId"));
			}
			if (stage == 4) {
				lead.add(event("chairside.leads", "chairside.lead.LeadDisqualified.v1", id, 4, "leadId"));
			}
			aggregates.add(lead);
		}
		for (int i = 0; i < orders; i++) {
			String accountId = UUID.randomUUID().toString();
			aggregates.add(List.of(event("chairside.accounts", "chairside.account.AccountOpened.v1", accountId, 1, "accountId"),
					event("chairside.accounts", "chairside.account.ActivityLogged.v1", accountId, 2, "accountId", "activityId",
							UUID.randomUUID().toString(), "type", List.of("CALL", "VISIT", "CONFERENCE").get(random.nextInt(3))),
					event("chairside.accounts", "chairside.account.AccountOwnerChanged.v1", accountId, 3, "accountId")));
			String demoId = UUID.randomUUID().toString();
			aggregates.add(List.of(event("chairside.demos", "chairside.demo.DemoScheduled.v1", demoId, 1, "demoId", "accountId", accountId),
					event("chairside.demos", "chairside.demo.DemoCompleted.v1", demoId, 2, "demoId", "accountId", accountId)));
			String orderId = UUID.randomUUID().toString();
			List<Generated> order = new ArrayList<>();
			order.add(event("chairside.orders", "chairside.order.OrderDrafted.v1", orderId, 1, "orderId", "accountId", accountId));
			order.add(event("chairside.orders", "chairside.order.OrderPlaced.v1", orderId, 2, "orderId", "accountId", accountId,
					"placedAt", "2026-11-2" + random.nextInt(8) + "T09:00:00Z"));
			order.add(event("chairside.orders", "chairside.order.OrderChanged.v1", orderId, 3, "orderId", "accountId", accountId,
					"changedAt", "2026-11-28T09:00:00Z"));
			if (random.nextInt(4) == 0) {
				order.add(event("chairside.orders", "chairside.order.OrderCancelled.v1", orderId, 4, "orderId", "accountId", accountId,
						"cancelledAt", "2026-11-29T09:00:00Z"));
			}
			else {
				order.add(event("chairside.orders", "chairside.order.OrderConfirmed.v1", orderId, 4, "orderId", "accountId", accountId));
				order.add(event("chairside.orders", "chairside.order.DeliveryCommitmentAtRisk.v1", orderId, 5, "orderId"));
				order.add(event("chairside.orders", "chairside.order.DeliveryCommitmentChanged.v1", orderId, 6, "orderId"));
				order.add(event("chairside.orders", "chairside.order.OrderStatusChanged.v1", orderId, 7, "orderId"));
				order.add(event("chairside.orders", "chairside.order.DeliveryCommitmentMissed.v1", orderId, 8, "orderId"));
			}
			aggregates.add(order);
		}
		for (String period : List.of("2026-10", "2026-11", "2026-12", "2026")) {
			String targetId = this.region + ":" + period;
			aggregates.add(List.of(event("chairside.targets", "chairside.target.TargetSet.v1", targetId, 1, "targetId", "period", period,
					"leadsCaptured", "50"), event("chairside.targets", "chairside.target.TargetSet.v1", targetId, 2, "targetId",
							"period", period, "leadsCaptured", "60")));
		}
		// Interleave the aggregates: each keeps its own order, the whole does not.
		List<Generated> events = new ArrayList<>();
		List<Integer> next = new ArrayList<>(java.util.Collections.nCopies(aggregates.size(), 0));
		List<Integer> open = new ArrayList<>();
		for (int i = 0; i < aggregates.size(); i++) {
			open.add(i);
		}
		while (!open.isEmpty()) {
			int pick = random.nextInt(open.size());
			int a = open.get(pick);
			events.add(aggregates.get(a).get(next.get(a)));
			next.set(a, next.get(a) + 1);
			if (next.get(a) == aggregates.get(a).size()) {
				open.remove(pick);
			}
		}
		// Duplicates (same ce_id) and older events redelivered late.
		int size = events.size();
		for (int i = 0; i < size / 10; i++) {
			events.add(events.get(random.nextInt(size)));
		}
		return events;
	}

	private void publish(List<Generated> events) {
		for (Generated e : events) {
			kafka.sendCloudEvent(e.topic(), e.key(), e.ceId(), e.type(), e.sequence(), e.payload());
		}
	}

	/**
	 * The copy the stored pointer names: the one every replica answers from once its cached pointer (at most
	 * ActiveCollections' freshness old) is read again.
	 */
	private String answering(Projection projection) {
		return this.active.current(projection);
	}

	private Map<String, List<Document>> snapshot() {
		Map<String, List<Document>> copies = new HashMap<>();
		for (Projection projection : this.projections.all()) {
			List<Document> docs = new ArrayList<>(this.mongo.findAll(Document.class, answering(projection)));
			docs.sort(Comparator.comparing((d) -> String.valueOf(d.get("_id"))));
			docs.forEach((d) -> d.remove("_class"));
			copies.put(projection.name(), docs);
		}
		return copies;
	}

	private JsonNode pack() {
		ObjectNode pack = (ObjectNode) this.manager.get("/api/reports/sales-meeting?region=" + this.region + "&period=2026-11").json();
		pack.remove("generatedAt");
		return pack;
	}

	private boolean allConsumed() {
		return TOPICS.stream().allMatch((t) -> kafka.consumedAll("reporting-service", t));
	}

	@Test
	void rebuildsEveryProjectionIntoACopyEqualToTheLiveOneWhileTheLiveOneAnswers() {
		List<Generated> history = history(700, 250);
		publish(history);
		await().atMost(java.time.Duration.ofMinutes(3)).until(this::allConsumed);
		Map<String, List<Document>> live = snapshot();
		JsonNode before = pack();
		assertThat(before.path("funnel").path("captured").asLong()).isEqualTo(700);
		assertThat(before.path("orderBook").path("submitted").path("count").asLong()).isEqualTo(250);
		Map<String, String> liveCollections = new HashMap<>();
		this.projections.all().forEach((p) -> liveCollections.put(p.name(), answering(p)));

		Api.Response started = this.admin.post("/api/reports/rebuild", "{\"projection\":\"all\"}");
		assertThat(started.status()).isEqualTo(202);
		String id = started.field("id");
		List<Integer> progress = new ArrayList<>();
		List<Integer> answers = new ArrayList<>();
		JsonNode run = await().atMost(java.time.Duration.ofMinutes(3)).until(() -> {
			JsonNode state = this.admin.get("/api/reports/rebuild/" + id).json();
			if ("RUNNING".equals(state.path("state").asString())) {
				progress.add(state.path("progress").asInt());
				Api.Response report = this.manager.get("/api/reports/sales-meeting?region=" + this.region + "&period=2026-11");
				answers.add(report.status());
				assertThat(report.json().path("funnel").path("captured").asLong()).as("the live copy answers in full")
					.isEqualTo(700);
			}
			return state;
		}, (state) -> !"RUNNING".equals(state.path("state").asString()));

		assertThat(run.path("state").asString()).isEqualTo("COMPLETED");
		assertThat(run.path("progress").asInt()).isEqualTo(100);
		assertThat(run.path("eventsApplied").asLong()).isEqualTo(run.path("eventsTotal").asLong())
			.isGreaterThanOrEqualTo(history.size());
		assertThat(progress).as("progress seen while it ran").isNotEmpty().isSorted().allMatch((p) -> p >= 0 && p < 100);
		assertThat(answers).as("reports answered while it ran").isNotEmpty().containsOnly(200);
		for (Projection projection : this.projections.all()) {
			assertThat(answering(projection)).isEqualTo(projection.collection() + "_" + id);
			assertThat(this.mongo.collectionExists(liveCollections.get(projection.name()))).as("old copy dropped").isFalse();
		}
		assertThat(snapshot()).as("the rebuilt copies hold what the live ones held").isEqualTo(live);
		assertThat(pack()).isEqualTo(before);

		// The live consumers now write to the new copies.
		String leadId = UUID.randomUUID().toString();
		publish(List.of(event("chairside.leads", "chairside.lead.LeadCaptured.v1", leadId, 1, "leadId")));
		await().until(() -> pack().path("funnel").path("captured").asLong() == 701);
	}

	@Test
	void losesNoEventOfAnOrderChangedAllThroughTheSwitchOver() {
		List<String> orders = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
				UUID.randomUUID().toString());
		Map<String, Integer> sequences = new HashMap<>();
		for (String orderId : orders) {
			publish(List.of(event("chairside.orders", "chairside.order.OrderDrafted.v1", orderId, 1, "orderId")));
			sequences.put(orderId, 1);
		}
		await().until(this::allConsumed);

		String id = this.admin.post("/api/reports/rebuild", "{\"projection\":\"orders\"}").field("id");
		// Each order changes again and again, in its own order, before, during and after the switch-over: an older
		// change applied to the new copy after a newer one would be refused there and missing from the counts.
		await().atMost(java.time.Duration.ofMinutes(2)).until(() -> {
			for (String orderId : orders) {
				int next = sequences.merge(orderId, 1, Integer::sum);
				publish(List.of(event("chairside.orders", "chairside.order.OrderChanged.v1", orderId, next, "orderId")));
			}
			return !"RUNNING".equals(this.admin.get("/api/reports/rebuild/" + id).json().path("state").asString());
		});
		assertThat(this.admin.get("/api/reports/rebuild/" + id).json().path("state").asString()).isEqualTo("COMPLETED");
		for (String orderId : orders) {
			int next = sequences.merge(orderId, 1, Integer::sum);
			publish(List.of(event("chairside.orders", "chairside.order.OrderChanged.v1", orderId, next, "orderId")));
		}
		await().until(this::allConsumed);

		for (String orderId : orders) {
			Document order = this.mongo.findById(orderId, Document.class, answering(this.projections.named("orders")));
			assertThat(order.get("sequence")).isEqualTo((long) sequences.get(orderId));
			assertThat(order.get("changes")).as("every change of " + orderId + " counted once")
				.isEqualTo(sequences.get(orderId) - 1);
		}
	}

	@Test
	void takesOverARebuildAbandonedByADeadReplica() {
		publish(history(20, 10));
		await().until(this::allConsumed);
		List<PartitionProgress> partitions = new ArrayList<>();
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrap());
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
			List<TopicPartition> tps = consumer.partitionsFor("chairside.targets").stream()
				.map((p) -> new TopicPartition("chairside.targets", p.partition())).toList();
			consumer.endOffsets(tps).forEach((tp, end) -> partitions.add(new PartitionProgress(tp.topic(), tp.partition(), 0, end)));
		}
		long total = partitions.stream().mapToLong(PartitionProgress::end).sum();
		String id = "dead" + UUID.randomUUID().toString().substring(0, 8);
		Instant longAgo = Instant.now().minusSeconds(600);
		this.mongo.insert(new RebuildRun(id, "targets", List.of("targets"), RebuildRun.RUNNING, 0, total, partitions,
				List.of(), "worker-of-a-dead-replica", longAgo, longAgo, null, 0, null));

		JsonNode run = await().atMost(java.time.Duration.ofMinutes(1))
			.until(() -> this.admin.get("/api/reports/rebuild/" + id).json(), (r) -> !"RUNNING".equals(r.path("state").asString()));
		assertThat(run.path("state").asString()).isEqualTo("COMPLETED");
		assertThat(run.path("restarts").asInt()).isEqualTo(1);
		assertThat(run.path("eventsApplied").asLong()).isEqualTo(total);
		Projection targets = this.projections.named("targets");
		assertThat(answering(targets)).isEqualTo("region_targets_" + id);
		assertThat(this.mongo.findById(this.region + ":2026-11", Document.class, answering(targets)).get("leadsCaptured"))
			.isEqualTo(60L);
	}

	@Test
	void isForAdminsAndNamesWhatItRefuses() {
		assertThat(this.manager.post("/api/reports/rebuild", "{\"projection\":\"orders\"}").status()).isEqualTo(403);
		assertThat(this.manager.get("/api/reports/rebuild/anything").status()).isEqualTo(403);
		assertThat(this.admin.get("/api/reports/rebuild/no-such-rebuild").status()).isEqualTo(404);
		Api.Response unknown = this.admin.post("/api/reports/rebuild", "{\"projection\":\"forecasts\"}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("projection");
	}

}
