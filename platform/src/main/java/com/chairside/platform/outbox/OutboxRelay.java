package com.chairside.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.MongoDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Publishes the {@code pendingEvents} of every {@link OutboxSource}, each send acknowledged by all in-sync replicas, and
 * only then removes exactly the published ones from the document ({@link OrderedSender}).
 * <p>
 * Two ways in, so that every read but the sweep's goes by {@code _id} (see {@link com.chairside.platform.persistence}):
 * <ul>
 * <li><b>Wake-ups</b>: a write of this process that stages events names its document ({@link #staged}, called by
 * {@link OutboxWakeUps} after every save and by code that pushes {@code pendingEvents} itself); the relay thread waits
 * on those, reads the documents by {@code _id} (or takes the events a save handed over, when they are all its document
 * holds) and publishes at once. It takes no lease: the wake-up means the
 * document is fresh from this very process, and a sweep elsewhere leaves it alone for {@code sweep-grace}. If it still
 * meets another relay (a slow round), the event goes out twice with the same {@code ce_id} and {@code ce_sequence},
 * which consumers absorb; it is never lost, because it is removed only after the broker acknowledged it.</li>
 * <li><b>The sweep</b> ({@link OutboxSweep}), every {@code sweep-interval}, is the safety net for what no wake-up
 * brought.</li>
 * </ul>
 */
public class OutboxRelay implements SmartLifecycle, SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	static final String PENDING = OutboxDocuments.PENDING;

	/** Wake-ups beyond this wait for the sweep instead of holding memory. */
	private static final int MAX_WAKE_UPS = 100_000;

	private final OutboxDocuments documents;

	private final OutboxSweep sweeper;

	private final OrderedSender sender;

	private final Map<String, OutboxSource> sources;

	private final OutboxProperties properties;

	private final MeterRegistry meters;

	private final BlockingQueue<Staged> wakeUps = new LinkedBlockingQueue<>(MAX_WAKE_UPS);

	private volatile Thread thread;

	private volatile boolean running;

	/**
	 * A relay that publishes without tracing (the stored {@code traceparent} goes out as it was stored), on
	 * {@code mongo}'s client.
	 */
	public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, List<OutboxSource> sources,
			OutboxProperties properties, String ceSource, Clock clock, MeterRegistry meters) {
		this(mongo.getDb(), kafka, sources, properties, ceSource, clock, meters, Tracer.NOOP, Propagator.NOOP);
	}

	/**
	 * A relay that resumes each event's stored trace around its send; {@code kafka}'s observation, when enabled, then
	 * writes the producer span's {@code traceparent} in place of the stored one. {@code store} is the service's
	 * database, on a client of the relay's own ({@link OutboxStore}) so that its reads and pulls do not wait for a
	 * connection behind the request threads.
	 */
	public OutboxRelay(MongoDatabase store, KafkaTemplate<String, byte[]> kafka, List<OutboxSource> sources,
			OutboxProperties properties, String ceSource, Clock clock, MeterRegistry meters, Tracer tracer,
			Propagator propagator) {
		this.documents = new OutboxDocuments(store);
		this.sweeper = new OutboxSweep(this.documents, properties, clock, UUID.randomUUID().toString());
		this.sender = new OrderedSender(this.documents, kafka, properties, ceSource, meters,
				new StoredTrace(tracer, propagator));
		this.sources = sources.stream()
			.collect(Collectors.toMap(OutboxSource::collection, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		this.properties = properties;
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
		wakeUp(new Staged(collection, id, null));
	}

	/**
	 * Like {@link #staged(String, Object)}, with the pending events the write stored, when they are all the document
	 * holds (none was pending before it): they are published without reading the document back, then pulled as usual.
	 */
	public void staged(String collection, Object id, List<?> pendingEvents) {
		wakeUp(new Staged(collection, id, pendingEvents));
	}

	private void wakeUp(Staged staged) {
		if (staged.id() != null && this.sources.containsKey(staged.collection()) && !this.wakeUps.offer(staged)) {
			log.debug("Wake-up queue full; {} {} waits for the sweep", staged.collection(), staged.id());
		}
	}

	/** Publishes what is pending now (woken documents, then a sweep); returns how many events went out. For tests. */
	public int relayOnce() {
		return relayWakeUps(null) + sweep();
	}

	/** Publishes the documents named by {@code first} and the wake-ups queued; returns how many events went out. */
	private int relayWakeUps(Staged first) {
		Map<String, Map<Object, Staged>> woken = new LinkedHashMap<>();
		Staged next = first;
		if (next == null) {
			next = this.wakeUps.poll();
		}
		for (; next != null; next = this.wakeUps.poll()) {
			// a document written twice since the last round is read back: its outbox may hold both writes' events
			woken.computeIfAbsent(next.collection(), (c) -> new LinkedHashMap<>())
				.merge(next.id(), next, (earlier, later) -> later.toReadBack());
		}
		if (woken.isEmpty()) {
			return 0;
		}
		Timer.Sample sample = Timer.start(this.meters);
		int published = 0;
		for (Map.Entry<String, Map<Object, Staged>> entry : woken.entrySet()) {
			OutboxSource source = this.sources.get(entry.getKey());
			List<Staged> staged = new ArrayList<>(entry.getValue().values());
			for (int from = 0; from < staged.size(); from += this.properties.batchSize()) {
				published += this.sender.publish(source,
						outboxes(source, staged.subList(from, Math.min(staged.size(), from + this.properties.batchSize()))),
						false);
			}
		}
		sample.stop(this.meters.timer("chairside.outbox.rounds", "trigger", "wake-up"));
		return published;
	}

	/** The outboxes of {@code staged}: those handed over as they are, the others read by {@code _id}. */
	private List<Document> outboxes(OutboxSource source, List<Staged> staged) {
		List<Document> outboxes = new ArrayList<>(staged.size());
		List<Object> toRead = new ArrayList<>();
		for (Staged each : staged) {
			if (each.pendingEvents() != null) {
				outboxes.add(new Document("_id", each.id()).append(PENDING, each.pendingEvents()));
			}
			else {
				toRead.add(each.id());
			}
		}
		if (!toRead.isEmpty()) {
			outboxes.addAll(this.sweeper.unleasedByOthers(this.documents.byIds(source, toRead)));
		}
		return outboxes;
	}

	/** One pass over every source for documents older than the grace; returns how many events went out. */
	int sweep() {
		Timer.Sample sample = Timer.start(this.meters);
		int published = 0;
		for (OutboxSource source : this.sources.values()) {
			while (true) {
				List<Object> candidates = this.sweeper.candidates(source);
				List<Document> leased = candidates.isEmpty() ? List.of() : this.sweeper.lease(source, candidates);
				int sent = this.sender.publish(source, leased, true);
				published += sent;
				// Keep going through a backlog, but not through an outage or a collection the others are taking.
				if (candidates.size() < this.properties.batchSize() || sent == 0 || this.sender.brokerDown()) {
					break;
				}
				published += relayWakeUps(null);
			}
		}
		sample.stop(this.meters.timer("chairside.outbox.rounds", "trigger", "sweep"));
		return published;
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

	/**
	 * Indexes each source's documents that have pending events for the sweep, at start before the service takes
	 * requests or events (the embedded store must not take writes to a collection while one of its indexes is made).
	 */
	@Override
	public void afterSingletonsInstantiated() {
		try {
			this.sources.values().forEach(this.documents::indexPending);
		}
		catch (RuntimeException ex) {
			log.warn("Outbox sources not indexed for the sweep ({}); it reads each whole collection until the next start",
					ex.toString());
		}
	}

	@Override
	public void start() {
		this.sender.resume();
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
		this.sender.close();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** A wake-up: the document written, and its pending events when the write handed them over (else null). */
	private record Staged(String collection, Object id, List<?> pendingEvents) {

		Staged toReadBack() {
			return new Staged(this.collection, this.id, null);
		}

	}

}
