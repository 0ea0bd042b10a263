package com.chairside.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.MeterRegistry;

import static com.chairside.platform.outbox.OutboxDocuments.LEASE;
import static com.chairside.platform.outbox.OutboxDocuments.LEASE_OWNER;
import static com.chairside.platform.outbox.OutboxDocuments.LEASE_TOKEN;
import static com.chairside.platform.outbox.OutboxDocuments.PENDING;

/**
 * Sends a batch of documents' pending events in steps: the first pending event of every document in parallel, then the
 * second of those whose first was acknowledged, and so on; an aggregate's later event never goes out before its
 * earlier one is acknowledged by all in-sync replicas. Then it removes from each document exactly its acknowledged
 * events: a sweep's batch at once, with its lease; a wake-up's on a thread of its own ({@code outbox-pull}), so that the
 * relay sends the next changes' events while the store takes the removal, and meanwhile never sends those events
 * again. While the broker is away, a batch opens with one send only, so that an outage costs one send timeout per
 * batch.
 */
final class OrderedSender implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(OrderedSender.class);

	private final OutboxDocuments documents;

	private final KafkaTemplate<String, byte[]> kafka;

	private final OutboxProperties properties;

	private final String ceSource;

	private final MeterRegistry meters;

	private final StoredTrace trace;

	private volatile boolean brokerDown;

	/** Acknowledged events whose removal from their document is under way: not sent again meanwhile. */
	private final Set<String> removing = ConcurrentHashMap.newKeySet();

	/**
	 * Removes what wake-ups published, one batch after another; made again when a stopped relay starts again. When
	 * {@value #REMOVALS_WAITING} batches wait (the store slower than the broker), or once it is shut down, the relay
	 * thread removes its own, which holds it back as before.
	 */
	private volatile ThreadPoolExecutor remover = newRemover();

	private static final int REMOVALS_WAITING = 1_000;

	OrderedSender(OutboxDocuments documents, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
			String ceSource, MeterRegistry meters, StoredTrace trace) {
		this.documents = documents;
		this.kafka = kafka;
		this.properties = properties;
		this.ceSource = ceSource;
		this.meters = meters;
		this.trace = trace;
	}

	/** The last send failed: the broker is taken to be away until a send succeeds. */
	boolean brokerDown() {
		return this.brokerDown;
	}

	/**
	 * Sends the pending events of {@code found} step by step, then removes from each document exactly its acknowledged
	 * events, and the lease if {@code leased}; returns how many events went out.
	 */
	int publish(OutboxSource source, List<Document> found, boolean leased) {
		List<Outbox> outboxes = found.stream()
			.map((d) -> new Outbox(d.get("_id"), OutboxDocuments.pendingEvents(d)
				.stream()
				.filter((event) -> !this.removing.contains(event.eventId()))
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
		List<String> sent = outboxes.stream().flatMap((outbox) -> outbox.sent().stream()).toList();
		if (leased) {
			removeSent(source, outboxes, true);
		}
		else if (!sent.isEmpty()) {
			this.removing.addAll(sent);
			this.remover.execute(() -> removeInTheBackground(source, outboxes, sent));
		}
		return sent.size();
	}

	/** Takes removals again after {@link #close}: the relay started again. */
	void resume() {
		if (this.remover.isShutdown()) {
			this.remover = newRemover();
		}
	}

	private static ThreadPoolExecutor newRemover() {
		return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(REMOVALS_WAITING),
				(task) -> {
					Thread thread = new Thread(task, "outbox-pull");
					thread.setDaemon(true);
					return thread;
				}, (task, full) -> task.run()); // the queue full, or the relay stopped mid-round: removed here and now
	}

	/** A removal that fails leaves the events in their documents: the sweep sends them again, which consumers absorb. */
	private void removeInTheBackground(OutboxSource source, List<Outbox> outboxes, List<String> sent) {
		try {
			removeSent(source, outboxes, false);
		}
		catch (RuntimeException ex) {
			log.warn("Could not remove {} published events from {}; the sweep publishes them again: {}", sent.size(),
					source.collection(), ex.toString());
		}
		finally {
			sent.forEach(this.removing::remove);
		}
	}

	/** Stops taking removals and waits up to 10 s for those under way. */
	@Override
	public void close() {
		this.remover.shutdown();
		try {
			this.remover.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void removeSent(OutboxSource source, List<Outbox> outboxes, boolean leased) {
		List<UpdateOneModel<Document>> updates = new ArrayList<>();
		for (Outbox outbox : outboxes) {
			List<String> sent = outbox.sent();
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
			this.documents.of(source).bulkWrite(updates, new BulkWriteOptions().ordered(false));
		}
	}

	/**
	 * Sends the next event of each outbox in {@code step} without waiting in between, then waits for all; records on
	 * each whether its event was acknowledged. Returns whether all were.
	 */
	private boolean send(String topic, List<Outbox> step) {
		List<CompletableFuture<?>> sends = startSends(topic, step);
		long deadline = System.nanoTime() + this.properties.sendTimeout().toNanos();
		boolean all = sends.size() == step.size();
		for (int i = 0; i < sends.size(); i++) {
			all &= awaitAcknowledgement(topic, step.get(i), sends.get(i), deadline);
		}
		for (int i = sends.size(); i < step.size(); i++) {
			step.get(i).fail();
		}
		return all;
	}

	/** Starts the sends; stops at the first that fails before reaching the network (the others would wait as long). */
	private List<CompletableFuture<?>> startSends(String topic, List<Outbox> step) {
		List<CompletableFuture<?>> sends = new ArrayList<>(step.size());
		for (Outbox outbox : step) {
			PendingEvent event = outbox.next();
			try {
				CompletableFuture<?> send = this.trace.resumed(event, () -> this.kafka.send(new ProducerRecord<>(topic,
						null, event.subject(), event.data().getBytes(StandardCharsets.UTF_8),
						CloudEventHeaders.of(event, this.ceSource))));
				sends.add(send);
				if (send.isCompletedExceptionally()) {
					break; // no broker metadata
				}
			}
			catch (RuntimeException ex) {
				sends.add(CompletableFuture.failedFuture(ex));
				break;
			}
		}
		return sends;
	}

	private boolean awaitAcknowledgement(String topic, Outbox outbox, CompletableFuture<?> send, long deadline) {
		PendingEvent event = outbox.next();
		try {
			send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			outbox.acknowledge();
			this.meters.counter("chairside.outbox.published", "topic", topic, "type", event.type()).increment();
			if (this.brokerDown) {
				log.info("Broker reachable again; publishing the outbox backlog");
				this.brokerDown = false;
			}
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			outbox.fail();
			return false;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			outbox.fail();
			this.meters.counter("chairside.outbox.failures", "topic", topic).increment();
			if (!this.brokerDown) {
				log.warn("Could not publish {} {} to {}; it stays in the outbox and is retried: {}", event.type(),
						event.eventId(), topic, ex.toString());
			}
			this.brokerDown = true;
			return false;
		}
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
