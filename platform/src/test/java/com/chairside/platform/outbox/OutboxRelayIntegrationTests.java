package com.chairside.platform.outbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;
import com.chairside.testsupport.store.Recording;
import com.chairside.testsupport.store.StoreCommand;
import com.chairside.testsupport.store.StoreCommands;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay against the real broker and the MongoDB-wire store: the context's relay sweeps once an hour, so whatever
 * it publishes came through a wake-up; relays the tests build themselves sweep often, on collections and topics of
 * their own, and are started on documents written with the plain driver (no wake-up).
 */
@SpringBootTest(classes = OutboxRelayIntegrationTests.DealService.class,
		properties = { "spring.application.name=outbox-tests", "chairside.outbox.sweep-interval=1h" })
class OutboxRelayIntegrationTests {

	static final String DEALS = "chairside.outbox-tests.deals";

	/** The relay's thread, and the one that removes what its wake-ups published. */
	static final Set<String> RELAY_THREADS = Set.of("outbox-relay", "outbox-pull");

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		Infrastructure infrastructure = Infrastructure.get();
		registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrap);
		registry.add("spring.mongodb.uri", () -> infrastructure.mongoUri("outbox-tests-" + UUID.randomUUID()));
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", infrastructure::jwkSetUri);
	}

	@Autowired
	MongoTemplate mongo;

	@Autowired
	EventFactory events;

	@Autowired
	OutboxRelay relay;

	@Autowired
	@Qualifier("outboxKafkaTemplate")
	KafkaTemplate<String, byte[]> kafka;

	final List<AutoCloseable> started = new ArrayList<>();

	@AfterEach
	void stopWhatTheTestStarted() throws Exception {
		for (int i = this.started.size() - 1; i >= 0; i--) {
			this.started.get(i).close();
		}
	}

	@Test
	void aSavedDocumentIsPublishedAtOnceWithoutWaitingForTheSweep() {
		Deal deal = new Deal("deal-" + UUID.randomUUID());
		deal.advance("QUALIFIED");
		deal.advance("PROPOSAL");
		deal.advance("WON");
		deal.stageEvents("deal", deal.id, this.events);
		this.mongo.save(deal);

		List<Received> records = KafkaProbe.shared().records(DEALS);
		await().until(() -> sequencesOf(records, deal.id).size() == 3);
		assertThat(sequencesOf(records, deal.id)).containsExactly(1L, 2L, 3L);
		await().until(() -> pending(this.mongo, "deals", deal.id).isEmpty());
	}

	@Test
	void anAggregateSavedWithOnlyItsNewEventsHandsThemOverAndIsNotReadBack() {
		Deal deal = new Deal("deal-" + UUID.randomUUID());
		deal.advance("QUALIFIED");
		deal.advance("PROPOSAL");
		List<Received> records = KafkaProbe.shared().records(DEALS);
		List<StoreCommand> relaying = savedAndRelayed(deal);

		assertThat(relaying).as(Recording.lines(relaying)).extracting(StoreCommand::name).containsExactly("update");
		assertThat(relaying.get(0).thread()).as("removed while the relay sends on").isEqualTo("outbox-pull");
		await().until(() -> sequencesOf(records, deal.id).size() == 2);
		assertThat(records.stream().filter((r) -> deal.id.equals(r.key())).map((r) -> r.header("ce_sequence")))
			.containsExactly("1", "2");
	}

	@Test
	void anAggregateSavedWhileEarlierEventsWaitIsReadBackAndAllGoOutInOrder() {
		String id = "deal-" + UUID.randomUUID();
		writeWithTheDriver(new OutboxSource("deals", DEALS), id, 1, Instant.now()); // no wake-up: still pending
		Deal deal = this.mongo.findById(id, Deal.class);
		deal.advance("WON");
		List<Received> records = KafkaProbe.shared().records(DEALS);
		List<StoreCommand> relaying = savedAndRelayed(deal);

		assertThat(relaying).as(Recording.lines(relaying))
			.extracting(StoreCommand::name)
			.containsExactly("find", "update");
		await().until(() -> sequencesOf(records, id).size() == 2);
		assertThat(sequencesOf(records, id)).containsExactly(1L, 2L);
	}

	@Test
	void anEventPushedByAnUpdateIsPublishedAtOnceWhenTheWriterSaysSo() {
		Deal deal = new Deal("deal-" + UUID.randomUUID());
		this.mongo.save(deal);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(deal.id)),
				new Update().set("stage", "LOST")
					.push(OutboxRelay.PENDING, this.events.pending("deal", deal.id, 1, new DealAdvanced(deal.id, "LOST"))),
				Deal.class);
		this.relay.staged("deals", deal.id);

		List<Received> records = KafkaProbe.shared().records(DEALS);
		await().until(() -> sequencesOf(records, deal.id).size() == 1);
		await().until(() -> pending(this.mongo, "deals", deal.id).isEmpty());
	}

	@Test
	void aDocumentWhoseWakeUpIsLostIsPublishedByTheSweep() {
		OutboxSource source = newSource();
		writeWithTheDriver(source, "deal-lost-wake-up", 2, Instant.now().minus(Duration.ofMinutes(1)));
		List<Received> records = KafkaProbe.shared().records(source.topic());

		start(relay(source, this.kafka, new SimpleMeterRegistry()));

		await().until(() -> sequencesOf(records, "deal-lost-wake-up").size() == 2);
		assertThat(sequencesOf(records, "deal-lost-wake-up")).containsExactly(1L, 2L);
		await().until(() -> pending(this.mongo, source.collection(), "deal-lost-wake-up").isEmpty());
	}

	@Test
	void theEventsOfOneAggregateArriveInOrderWhileAggregatesAreSentTogether() {
		OutboxSource source = newSource();
		List<String> deals = IntStream.range(0, 30).mapToObj((i) -> "deal-" + i).toList();
		deals.forEach((id) -> writeWithTheDriver(source, id, 8, Instant.now().minusSeconds(60)));
		List<Received> records = KafkaProbe.shared().records(source.topic());

		start(relay(source, this.kafka, new SimpleMeterRegistry()));

		await().until(() -> deals.stream().allMatch((id) -> sequencesOf(records, id).size() == 8));
		for (String id : deals) {
			assertThat(sequencesOf(records, id)).as(id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
			assertThat(pending(this.mongo, source.collection(), id)).as(id).isEmpty();
		}
	}

	@Test
	void eventsWaitWhileTheBrokerIsUnreachableAndAreAllPublishedOnceItIsBack() throws Exception {
		OutboxSource source = newSource();
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		// The relay's producer first tries an address where no broker listens, then is pointed at the running one: to
		// the relay, the broker was away and is back (the same producer factory, a new connection).
		DefaultKafkaProducerFactory<String, byte[]> producers = producerFactory("127.0.0.1:" + freePort());
		OutboxRelay relay = relay(source, new KafkaTemplate<>(producers), meters);
		List<String> deals = List.of("deal-a", "deal-b", "deal-c");
		deals.forEach((id) -> writeWithTheDriver(source, id, 3, Instant.now().minusSeconds(60)));
		deals.forEach((id) -> relay.staged(source.collection(), id));
		start(relay);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> meters.find("chairside.outbox.failures").counters().stream().mapToDouble((c) -> c.count()).sum() > 0);
		for (String id : deals) {
			assertThat(pending(this.mongo, source.collection(), id)).as("kept while the broker is away").hasSize(3);
		}

		producers.updateConfigs(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.get().kafkaBootstrap()));
		producers.reset();
		List<Received> records = KafkaProbe.shared().records(source.topic());

		await().atMost(Duration.ofSeconds(60)).until(() -> deals.stream().allMatch((id) -> sequencesOf(records, id).size() == 3));
		for (String id : deals) {
			assertThat(sequencesOf(records, id)).as(id).containsExactly(1L, 2L, 3L);
			await().until(() -> pending(this.mongo, source.collection(), id).isEmpty());
		}
	}

	@Test
	void twoRelaysOnTheSameStorePublishEveryEventAtLeastOnceAndInOrder() {
		OutboxSource source = newSource();
		List<String> deals = IntStream.range(0, 60).mapToObj((i) -> "deal-" + i).toList();
		deals.forEach((id) -> writeWithTheDriver(source, id, 3, Instant.now().minusSeconds(60)));
		List<Received> records = KafkaProbe.shared().records(source.topic());
		OutboxRelay first = relay(source, this.kafka, new SimpleMeterRegistry());
		OutboxRelay second = relay(source, this.kafka, new SimpleMeterRegistry());
		// Both also woken for every document, as if each had written them: the fast path meets the other's sweep.
		deals.forEach((id) -> {
			first.staged(source.collection(), id);
			second.staged(source.collection(), id);
		});

		start(first);
		start(second);

		await().until(() -> deals.stream().allMatch((id) -> sequencesOf(records, id).size() == 3));
		for (String id : deals) {
			assertThat(sequencesOf(records, id)).as(id).containsExactly(1L, 2L, 3L);
			await().until(() -> pending(this.mongo, source.collection(), id).isEmpty());
		}
	}

	@Test
	void theBacklogGaugesCountTheWaitingEventsAndTheAgeOfTheOldest() {
		OutboxSource source = newSource();
		Instant now = Instant.parse("2026-03-02T10:00:00Z");
		writeWithTheDriver(source, "deal-waiting-long", 3, now.minusSeconds(90));
		writeWithTheDriver(source, "deal-waiting-briefly", 2, now.minusSeconds(30));
		writeWithTheDriver(source, "deal-published", 0, now.minusSeconds(600));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		OutboxBacklog backlog = new OutboxBacklog(this.mongo, List.of(source), Duration.ofHours(1),
				Clock.fixed(now, ZoneOffset.UTC), meters);
		assertThat(meters.get("chairside.outbox.pending").tag("topic", source.topic()).gauge().value())
			.as("nothing read yet").isZero();

		backlog.measure();

		assertThat(meters.get("chairside.outbox.pending").tag("topic", source.topic()).gauge().value()).isEqualTo(5);
		assertThat(meters.get("chairside.outbox.oldest.age").tag("collection", source.collection()).gauge().value())
			.isEqualTo(90);

		this.mongo.getCollection(source.collection())
			.updateOne(new Document("_id", "deal-waiting-long"), new Document("$set", new Document(OutboxRelay.PENDING, List.of())));
		backlog.measure();

		assertThat(meters.get("chairside.outbox.pending").tag("topic", source.topic()).gauge().value()).isEqualTo(2);
		assertThat(meters.get("chairside.outbox.oldest.age").tag("topic", source.topic()).gauge().value()).isEqualTo(30);
	}

	/** Stages and saves {@code deal}, waits until its outbox is empty; the relay's store commands meanwhile. */
	List<StoreCommand> savedAndRelayed(Deal deal) {
		try (Recording recording = StoreCommands.get().record()) {
			deal.stageEvents("deal", deal.id, this.events);
			this.mongo.save(deal);
			await().until(() -> pending(this.mongo, "deals", deal.id).isEmpty());
			return recording.sentBy(this.mongo.getDb().getName(), RELAY_THREADS::contains);
		}
	}

	/** The sequences published under {@code key}, in the order they first reached the topic (duplicates folded). */
	static List<Long> sequencesOf(List<Received> records, String key) {
		Set<Long> sequences = new LinkedHashSet<>();
		records.stream()
			.filter((r) -> key.equals(r.key()))
			.forEach((r) -> sequences.add(Long.parseLong(r.header("ce_sequence"))));
		return List.copyOf(sequences);
	}

	static List<?> pending(MongoTemplate mongo, String collection, String id) {
		Document document = mongo.getCollection(collection).find(new Document("_id", id)).first();
		return (document != null) ? document.getList(OutboxRelay.PENDING, Object.class, List.of()) : List.of();
	}

	OutboxSource newSource() {
		String name = "deals-" + UUID.randomUUID().toString().substring(0, 8);
		return new OutboxSource(name, "chairside.outbox-tests." + name);
	}

	/** A document staged by someone else: no save through Spring Data, so no wake-up. */
	void writeWithTheDriver(OutboxSource source, String id, int events, Instant time) {
		List<Document> pending = new ArrayList<>();
		for (int sequence = 1; sequence <= events; sequence++) {
			pending.add(new Document("eventId", UUID.randomUUID().toString())
				.append("type", "chairside.deal.DealAdvanced.v1")
				.append("subject", id)
				.append("sequence", (long) sequence)
				.append("time", Date.from(time))
				.append("data", "{\"dealId\":\"" + id + "\",\"step\":" + sequence + "}")
				.append("dataSchema", "https://chairside.example/contracts/events/chairside.deal.DealAdvanced.v1.schema.json"));
		}
		this.mongo.getCollection(source.collection())
			.insertOne(new Document("_id", id).append("revision", (long) events).append(OutboxRelay.PENDING, pending));
	}

	OutboxRelay relay(OutboxSource source, KafkaTemplate<String, byte[]> kafka, SimpleMeterRegistry meters) {
		OutboxProperties properties = new OutboxProperties(Duration.ofMillis(100), Duration.ofSeconds(1),
				Duration.ofSeconds(15), Duration.ofSeconds(10), 20, 2, (short) 1, Duration.ofSeconds(15));
		return new OutboxRelay(this.mongo, kafka, List.of(source), properties, "/chairside/outbox-tests",
				Clock.systemUTC(), meters);
	}

	void start(OutboxRelay relay) {
		relay.start();
		this.started.add(relay::stop);
	}

	/** The relay's producer on a broker address of the test's choosing. */
	DefaultKafkaProducerFactory<String, byte[]> producerFactory(String bootstrap) {
		DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(
				OutboxRelay.producerSettings(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)));
		this.started.add(factory::destroy);
		return factory;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** A sales deal moving through its stages: the aggregate this test saves through Spring Data. */
	@org.springframework.data.mongodb.core.mapping.Document("deals")
	static class Deal extends AggregateRoot {

		@Id
		String id;

		String stage = "NEW";

		Deal(String id) {
			this.id = id;
		}

		void advance(String stage) {
			this.stage = stage;
			raise(new DealAdvanced(this.id, stage));
		}

	}

	record DealAdvanced(String dealId, String stage) {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class DealService {

		@Bean
		OutboxSource deals() {
			return new OutboxSource("deals", DEALS);
		}

		/** The store commands of this context's clients (the relay's own too), for the tests that count them. */
		@Bean
		MongoClientSettingsBuilderCustomizer storeCommands() {
			return (settings) -> settings.addCommandListener(StoreCommands.get());
		}

	}

}
