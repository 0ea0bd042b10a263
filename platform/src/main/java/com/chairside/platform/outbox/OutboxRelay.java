package com.chairside.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Publishes the {@code pendingEvents} of every {@link OutboxSource}, each send acknowledged by all in-sync replicas, and
 * only then removes exactly the published ones from the document.
 * <p>
 * Two ways in, because the store serves a query from an index only when it names nothing but {@code _id}:
 * <ul>
 * <li><b>Wake-ups</b>: a write of this process that stages events names its document ({@link #staged}, called by
 * {@link OutboxWakeUps} after every save and by code that pushes {@code pendingEvents} itself); the relay thread waits
 * on those, reads the documents by {@code _id} and publishes at once. It takes no lease: the wake-up means the
 * document is fresh from this very process, and a sweep elsewhere leaves it alone for {@code sweep-grace}. If it still
 * meets another relay (a slow round), the event goes out twice with the same {@code ce_id} and {@code ce_sequence},
 * which consumers absorb; it is never lost, because it is removed only after the broker acknowledged it.</li>
 * <li><b>The sweep</b>, every {@code sweep-interval}, is the safety net: documents whose first pending event is older
 * than {@code sweep-grace} (staged elsewhere, a lost wake-up, a failed send). It scans, so it runs seldom, and it
 * leases its batch with one conditional write, then keeps the documents that write gave to this relay (owner and
 * round token), so that replicas mostly share the work. A relay that dies mid-way leaves its lease to expire: the next
 * one publishes the remaining events again, a duplicate, never a loss.</li>
 * </ul>
 * A batch is sent in steps: the first pending event of every document in parallel, then the second of those whose
 * first was acknowledged, and so on; an aggregate's later event never goes out before its earlier one is acknowledged.
 * While the broker is away, a batch opens with one send only, so that an outage costs one send timeout per batch.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	static final String PENDING = "pendingEvents";

	private static final String LEASE = "outboxLeaseUntil";

	private static final String LEASE_OWNER = "outboxLeaseOwner";

	private static final String LEASE_TOKEN = "outboxLeaseToken";

	/** Wake-ups beyond this wait for the sweep instead of holding memory. */
	private static final int MAX_WAKE_UPS = 100_000;

	private final MongoTemplate mongo;

	private final KafkaTemplate<String, byte[]> kafka;

	private final Map<String, OutboxSource> sources;

	private final OutboxProperties properties;

	private final String ceSource;

	private final Clock clock;

	private final MeterRegistry meters;

	private final String owner = UUID.randomUUID().toString();

	private final BlockingQueue<Staged> wakeUps = new LinkedBlockingQueue<>(MAX_WAKE_UPS);

	private volatile Thread thread;

	private volatile boolean running;

	private volatile boolean brokerDown;

	public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<OutboxSource> sources,
			OutboxProperties properties, String ceSource, Clock clock, MeterRegistry meters) {
		this.mongo = mongo;
		this.kafka = kafka;
		this.sources = sources.stream()
			.collect(Collectors.toMap(OutboxSource::collection, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		this.properties = properties;
		this.ceSource = ceSource;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * The settings of the relay's producer on top of the client's ({@code client}: bootstrap servers, security):
	 * idempotent, acknowledged by all in-sync replicas, and failing within seconds when the broker is away, so that
	 * the events stay in the outbox instead of a relay thread hanging.
	 */
	public static Map<String, Object> producerSettings(Map<String, Object> client) {
		Map<String, Object> config = new HashMap<>(client);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 9_000);
		// No lingering: a batch's sends go out together anyway, and a lone wake-up should not wait.
		config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		return config;
	}

	/**
	 * Tells the relay that document {@code id} of {@code collection} has just been written with pending events, so that
	 * they are published now rather than at the next sweep. Cheap and never blocking; a collection that is no
	 * {@link OutboxSource} is ignored, and a wake-up that does not fit is left to the sweep.
	 */
	public void staged(String collection, Object id) {
		if (id != null && this.sources.containsKey(collection) && !this.wakeUps.offer(new Staged(collection, id))) {
			log.debug("Wake-up queue full; {} {} waits for the sweep", collection, id);
		}
	}

	/** Publishes what is pending now (woken documents, then a sweep); returns how many events went out. For tests. */
	public int relayOnce() {
		return relayWakeUps(null) + sweep();
	}

	/** Publishes the documents named by {@code first} and the wake-ups queued; returns how many events went out. */
	private int relayWakeUps(Staged first) {
		Map<String, Set<Object>> woken = new LinkedHashMap<>();
		Staged next = first;
		if (next == null) {
			next = this.wakeUps.poll();
		}
		for (; next != null; next = this.wakeUps.poll()) {
			woken.computeIfAbsent(next.collection(), (c) -> new LinkedHashSet<>()).add(next.id());
		}
		if (woken.isEmpty()) {
			return 0;
		}
		Timer.Sample sample = Timer.start(this.meters);
		int published = 0;
		for (Map.Entry<String, Set<Object>> entry : woken.entrySet()) {
			OutboxSource source = this.sources.get(entry.getKey());
			List<Object> ids = new ArrayList<>(entry.getValue());
			for (int from = 0; from < ids.size(); from += this.properties.batchSize()) {
				List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + this.properties.batchSize()));
				published += publish(source, unleasedByOthers(byIds(source, chunk)), false);
			}
		}
		sample.stop(this.meters.timer("chairside.outbox.rounds", "trigger", "wake-up"));
		return published;
	}

	/** One pass over every source for documents older than the grace; returns how many events went out. */
	int sweep() {
		Timer.Sample sample = Timer.start(this.meters);
		int published = 0;
		for (OutboxSource source : this.sources.values()) {
			while (true) {
				List<Object> candidates = candidates(source);
				List<Document> leased = candidates.isEmpty() ? List.of() : lease(source, candidates);
				int sent = publish(source, leased, true);
				published += sent;
				// Keep going through a backlog, but not through an outage or a collection the others are taking.
				if (candidates.size() < this.properties.batchSize() || sent == 0 || this.brokerDown) {
					break;
				}
				published += relayWakeUps(null);
			}
		}
		sample.stop(this.meters.timer("chairside.outbox.rounds", "trigger", "sweep"));
		return published;
	}

	private List<Object> candidates(OutboxSource source) {
		Instant now = this.clock.instant();
		Bson old = Filters.or(Filters.lt(PENDING + ".0.time", Date.from(now.minus(this.properties.sweepGrace()))),
				Filters.exists(PENDING + ".0.time", false));
		List<Object> ids = new ArrayList<>();
		collection(source).find(Filters.and(Filters.exists(PENDING + ".0"), old, leaseFree(now)))
			.projection(new Document("_id", 1))
			.limit(this.properties.batchSize())
			.forEach((d) -> ids.add(d.get("_id")));
		return ids;
	}

	/**
	 * Leases {@code ids} that are free in one write (one scan of the collection, whatever the batch size), then reads
	 * them by {@code _id} and keeps those that this write gave to this relay.
	 */
	private List<Document> lease(OutboxSource source, List<Object> ids) {
		Instant now = this.clock.instant();
		String token = UUID.randomUUID().toString();
		collection(source).updateMany(Filters.and(Filters.in("_id", ids), leaseFree(now)),
				Updates.combine(Updates.set(LEASE, Date.from(now.plus(this.properties.lease()))),
						Updates.set(LEASE_OWNER, this.owner), Updates.set(LEASE_TOKEN, token)));
		return byIds(source, ids).stream()
			.filter((d) -> this.owner.equals(d.getString(LEASE_OWNER)) && token.equals(d.getString(LEASE_TOKEN)))
			.toList();
	}

	private static Bson leaseFree(Instant now) {
		return Filters.or(Filters.exists(LEASE, false), Filters.lt(LEASE, Date.from(now)));
	}

	/** Documents by {@code _id} alone: the one query the store answers from its index. */
	private List<Document> byIds(OutboxSource source, List<Object> ids) {
		return collection(source).find(Filters.in("_id", ids)).into(new ArrayList<>());
	}

	/** Leaves a document that another relay's sweep holds to that relay: it is on it already. */
	private List<Document> unleasedByOthers(List<Document> documents) {
		Date now = Date.from(this.clock.instant());
		return documents.stream().filter((d) -> {
			Date until = d.getDate(LEASE);
			return until == null || until.before(now) || this.owner.equals(d.getString(LEASE_OWNER));
		}).toList();
	}

	/**
	 * Sends the pending events of {@code documents} step by step (the n-th event of each document together, once its
	 * (n-1)-th was acknowledged), then removes from each document exactly its acknowledged events, and the lease if
	 * {@code leased}.
	 */
	private int publish(OutboxSource source, List<Document> documents, boolean leased) {
		List<Outbox> outboxes = documents.stream()
			.map((d) -> new Outbox(d.get("_id"), d.getList(PENDING, Document.class, List.of())
				.stream()
				.map(OutboxRelay::toEvent)
				.toList()))
			.filter((o) -> !o.events().isEmpty() || leased)
			.toList();
		List<Outbox> step = outboxes.stream().filter(Outbox::hasNext).toList();
		while (!step.isEmpty()) {
			boolean probe = this.brokerDown;
			if (!send(source.topic(), probe ? step.subList(0, 1) : step) && probe) {
				break; // still away: one send timeout per batch, not one per document
			}
			step = outboxes.stream().filter(Outbox::hasNext).toList();
		}
		List<UpdateOneModel<Document>> updates = new ArrayList<>();
		int published = 0;
		for (Outbox outbox : outboxes) {
			List<String> sent = outbox.sent();
			published += sent.size();
			List<Bson> changes = new ArrayList<>();
			if (!sent.isEmpty()) {
				changes.add(Updates.pullByFilter(new Document(PENDING, new Document("eventId", new Document("$in", sent)))));
			}
			if (leased) {
				changes.add(Updates.combine(Updates.unset(LEASE), Updates.unset(LEASE_OWNER), Updates.unset(LEASE_TOKEN)));
			}
			if (!changes.isEmpty()) {
				updates.add(new UpdateOneModel<>(Filters.eq("_id", outbox.id()), Updates.combine(changes)));
			}
		}
		if (!updates.isEmpty()) {
			collection(source).bulkWrite(updates, new BulkWriteOptions().ordered(false));
		}
		return published;
	}

	/**
	 * Sends the next event of each outbox in {@code step} without waiting in between, then waits for all; records on
	 * each whether its event was acknowledged. Returns whether all were.
	 */
	private boolean send(String topic, List<Outbox> step) {
		List<CompletableFuture<?>> sends = new ArrayList<>(step.size());
		for (Outbox outbox : step) {
			PendingEvent event = outbox.next();
			try {
				CompletableFuture<?> send = this.kafka.send(new ProducerRecord<>(topic, null, event.subject(),
						event.data().getBytes(StandardCharsets.UTF_8), CloudEventHeaders.of(event, this.ceSource)));
				sends.add(send);
				if (send.isCompletedExceptionally()) {
					break; // failed before reaching the network (no broker metadata): the others would wait as long
				}
			}
			catch (RuntimeException ex) {
				sends.add(CompletableFuture.failedFuture(ex));
				break;
			}
		}
		long deadline = System.nanoTime() + this.properties.sendTimeout().toNanos();
		boolean all = sends.size() == step.size();
		for (int i = 0; i < sends.size(); i++) {
			Outbox outbox = step.get(i);
			PendingEvent event = outbox.next();
			try {
				sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				outbox.acknowledge();
				this.meters.counter("chairside.outbox.published", "topic", topic, "type", event.type()).increment();
				if (this.brokerDown) {
					log.info("Broker reachable again; publishing the outbox backlog");
					this.brokerDown = false;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				outbox.fail();
				all = false;
			}
			catch (ExecutionException | TimeoutException | RuntimeException ex) {
				outbox.fail();
				all = false;
				this.meters.counter("chairside.outbox.failures", "topic", topic).increment();
				if (!this.brokerDown) {
					log.warn("Could not publish {} {} to {}; it stays in the outbox and is retried: {}", event.type(),
							event.eventId(), topic, ex.toString());
				}
				this.brokerDown = true;
			}
		}
		for (int i = sends.size(); i < step.size(); i++) {
			step.get(i).fail();
		}
		return all;
	}

	private MongoCollection<Document> collection(OutboxSource source) {
		return this.mongo.getCollection(source.collection());
	}

	private static PendingEvent toEvent(Document d) {
		Date time = d.getDate("time");
		Number sequence = d.get("sequence", Number.class);
		return new PendingEvent(d.getString("eventId"), d.getString("type"), d.getString("subject"),
				sequence == null ? 0 : sequence.longValue(), time == null ? Instant.now() : time.toInstant(),
				d.getString("data"), d.getString("dataSchema"), d.getString("correlationId"),
				d.getString("causationId"), d.getString("traceparent"));
	}

	/** Waits for wake-ups, relaying each batch as it comes, and sweeps every {@code sweep-interval}. */
	private void run() {
		long interval = this.properties.sweepInterval().toNanos();
		long nextSweep = System.nanoTime() + interval;
		while (this.running) {
			try {
				Staged first = this.wakeUps.poll(Math.max(0, nextSweep - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (first != null) {
					relayWakeUps(first);
				}
				if (System.nanoTime() - nextSweep >= 0) {
					sweep();
					nextSweep = System.nanoTime() + interval;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					return; // stopped mid-round: what was not pulled is published again by the next relay
				}
				log.warn("Outbox round failed; the sweep retries it: {}", ex.toString());
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
		Thread relay = new Thread(this::run, "outbox-relay");
		relay.setDaemon(true);
		this.thread = relay;
		relay.start();
	}

	@Override
	public void stop() {
		this.running = false;
		Thread relay = this.thread;
		if (relay != null) {
			relay.interrupt();
			try {
				relay.join(Duration.ofSeconds(10).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private record Staged(String collection, Object id) {
	}

	/** One document's pending events in order, and how far the broker has acknowledged them. */
	private static final class Outbox {

		private final Object id;

		private final List<PendingEvent> events;

		private int acknowledged;

		private boolean failed;

		Outbox(Object id, List<PendingEvent> events) {
			this.id = id;
			this.events = events;
		}

		Object id() {
			return this.id;
		}

		List<PendingEvent> events() {
			return this.events;
		}

		boolean hasNext() {
			return !this.failed && this.acknowledged < this.events.size();
		}

		PendingEvent next() {
			return this.events.get(this.acknowledged);
		}

		void acknowledge() {
			this.acknowledged++;
		}

		/** The next event was not acknowledged: the rest of this document waits for a later round. */
		void fail() {
			this.failed = true;
		}

		List<String> sent() {
			return this.events.subList(0, this.acknowledged).stream().map(PendingEvent::eventId).toList();
		}

	}

}
