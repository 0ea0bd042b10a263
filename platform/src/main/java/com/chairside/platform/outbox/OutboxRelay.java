package com.chairside.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes the {@code pendingEvents} of every {@link OutboxSource} in order, each send acknowledged by all in-sync
 * replicas, and only then removes exactly the published ones from the document.
 * <p>
 * A document is leased to one relay for a short while before it is published, so that replicas of a service mostly
 * share the work instead of repeating it. A relay that dies mid-way leaves its lease to expire: the next one publishes
 * the remaining events again, which gives a duplicate, never a loss; consumers absorb duplicates by {@code ce_id} and
 * {@code ce_sequence}.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final String PENDING = "pendingEvents";

	private static final String LEASE = "outboxLeaseUntil";

	private final MongoTemplate mongo;

	private final KafkaTemplate<String, byte[]> kafka;

	private final List<OutboxSource> sources;

	private final OutboxProperties properties;

	private final String ceSource;

	private final Clock clock;

	private final MeterRegistry meters;

	private final String owner = UUID.randomUUID().toString();

	private ScheduledExecutorService executor;

	private volatile boolean brokerDown;

	public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<OutboxSource> sources,
			OutboxProperties properties, String ceSource, Clock clock, MeterRegistry meters) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.sources = sources;
		this.properties = properties;
		this.ceSource = ceSource;
		this.clock = clock;
		this.meters = meters;
	}

	/** Publishes what is pending now; returns how many events went out. Called by the schedule, and by tests. */
	public int relayOnce() {
		int published = 0;
		for (OutboxSource source : this.sources) {
			for (Document document : candidates(source)) {
				if (lease(source, document.get("_id"))) {
					published += publish(source, document.get("_id"));
				}
			}
		}
		return published;
	}

	private Iterable<Document> candidates(OutboxSource source) {
		Bson due = Filters.or(Filters.exists(LEASE, false), Filters.lt(LEASE, Date.from(this.clock.instant())));
		return this.mongo.getCollection(source.collection())
			.find(Filters.and(Filters.exists(PENDING + ".0"), due))
			.projection(new Document("_id", 1))
			.limit(this.properties.batchSize());
	}

	private boolean lease(OutboxSource source, Object id) {
		Instant now = this.clock.instant();
		Bson free = Filters.or(Filters.exists(LEASE, false), Filters.lt(LEASE, Date.from(now)));
		return this.mongo.getCollection(source.collection())
			.updateOne(Filters.and(Filters.eq("_id", id), free),
					Updates.combine(Updates.set(LEASE, Date.from(now.plus(this.properties.lease()))),
							Updates.set("outboxLeaseOwner", this.owner)))
			.getModifiedCount() == 1;
	}

	private int publish(OutboxSource source, Object id) {
		Document document = this.mongo.getCollection(source.collection()).find(Filters.eq("_id", id)).first();
		if (document == null) {
			return 0;
		}
		List<String> sent = new ArrayList<>();
		for (Document pending : document.getList(PENDING, Document.class, List.of())) {
			PendingEvent event = toEvent(pending);
			if (!send(source.topic(), event)) {
				break; // keep the aggregate's order: the rest wait for the next round
			}
			sent.add(event.eventId());
		}
		Bson update = Updates.unset(LEASE);
		if (!sent.isEmpty()) {
			update = Updates.combine(Updates.pullByFilter(new Document(PENDING, new Document("eventId", new Document("$in", sent)))),
					update);
		}
		this.mongo.getCollection(source.collection()).updateOne(Filters.eq("_id", id), update);
		return sent.size();
	}

	private boolean send(String topic, PendingEvent event) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, event.subject(),
				event.data().getBytes(StandardCharsets.UTF_8), CloudEventHeaders.of(event, this.ceSource));
		try {
			this.kafka.send(record).get(this.properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
			this.meters.counter("chairside.outbox.published", "topic", topic, "type", event.type()).increment();
			if (this.brokerDown) {
				log.info("Broker reachable again; publishing the outbox backlog");
				this.brokerDown = false;
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			this.meters.counter("chairside.outbox.failures", "topic", topic).increment();
			if (!this.brokerDown) {
				log.warn("Could not publish {} {} to {}; it stays in the outbox and is retried: {}", event.type(),
						event.eventId(), topic, ex.toString());
			}
			this.brokerDown = true;
			return false;
		}
	}

	private static PendingEvent toEvent(Document d) {
		Date time = d.getDate("time");
		Number sequence = d.get("sequence", Number.class);
		return new PendingEvent(d.getString("eventId"), d.getString("type"), d.getString("subject"),
				sequence == null ? 0 : sequence.longValue(), time == null ? Instant.now() : time.toInstant(),
				d.getString("data"), d.getString("dataSchema"), d.getString("correlationId"),
				d.getString("causationId"), d.getString("traceparent"));
	}

	@Override
	public void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "outbox-relay");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.properties.pollInterval().toMillis();
		this.executor.scheduleWithFixedDelay(this::relaySafely, interval, interval, TimeUnit.MILLISECONDS);
	}

	private void relaySafely() {
		try {
			relayOnce();
		}
		catch (RuntimeException ex) {
			log.warn("Outbox round failed; retrying on the next one: {}", ex.toString());
		}
	}

	@Override
	public void stop() {
		if (this.executor != null) {
			this.executor.shutdown();
			try {
				this.executor.awaitTermination(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null && !this.executor.isShutdown();
	}

}
