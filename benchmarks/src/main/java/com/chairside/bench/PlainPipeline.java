package com.chairside.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

/**
 * The end-to-end baseline: an order change's store and broker work done with the plain clients on the suite's broker
 * and store. Per change: the event's time stamped, the order's document updated ({@code updateOne} by {@code _id}, on
 * copies of the suite's orders in a database of its own), an OrderChanged-sized record produced with the outbox
 * relay's producer settings on a topic with the suite's settings (six partitions); a kafka-clients consumer reads it
 * and {@link PlainNotifier} stores one notification per routed department. No Spring, no outbox document, no
 * tracing. The changes leave on a fixed schedule (eight at once at most), whatever the store's answers do.
 */
final class PlainPipeline implements AutoCloseable {

	static final String DATABASE = "bench-plain-pipeline";

	private static final String TOPIC = "bench.plain-orders";

	private static final int PARTITIONS = 6;

	private static final Duration WAIT_LIMIT = Duration.ofMinutes(2);

	private final MongoClient mongo;

	private final MongoCollection<Document> orders;

	private final MongoCollection<Document> notifications;

	private final List<String> orderIds;

	private final PlainNotifier notifier;

	private final Producer<String, byte[]> producer;

	private final Events events = new Events(4);

	private final ExecutorService updaters = Executors.newFixedThreadPool(8);

	private final AtomicLong handled = new AtomicLong();

	private final AtomicLong failed = new AtomicLong();

	private final AtomicLong changed = new AtomicLong();

	private final AtomicLong produced = new AtomicLong();

	private final AtomicLong stored = new AtomicLong();

	private final Thread consumer;

	private volatile boolean closed;

	/** Copies {@code suiteOrders} (the suite's order documents) and starts the consumer at the topic's end. */
	PlainPipeline(Stack stack, List<Document> suiteOrders) {
		this.mongo = MongoClients.create(stack.mongoUri());
		this.orders = this.mongo.getDatabase(DATABASE).getCollection("orders");
		this.notifications = this.mongo.getDatabase(DATABASE).getCollection("notifications");
		this.orders.insertMany(suiteOrders);
		this.orderIds = suiteOrders.stream().map((order) -> String.valueOf(order.get("_id"))).toList();
		this.notifier = new PlainNotifier(stack.kafkaBootstrap(), stack.mongoUri(), DATABASE);
		this.notifier.reset();
		try (Admin admin = stack.admin()) {
			admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot create " + TOPIC, ex);
		}
		this.producer = Events.producer(stack.kafkaBootstrap());
		CountDownLatch positioned = new CountDownLatch(1);
		this.consumer = new Thread(() -> consume(positioned), "plain-pipeline-consumer");
		this.consumer.start();
		try {
			if (!positioned.await(1, TimeUnit.MINUTES)) {
				throw new IllegalStateException("The plain pipeline's consumer found no position on " + TOPIC);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Changes orders at {@code rate} for {@code window}; waits until each change is handled. */
	Ladder.Step run(int rate, Duration window) {
		Date since = new Date();
		long handledBefore = this.handled.get();
		long failedBefore = this.failed.get();
		Histogram updates = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
		AtomicLong errors = new AtomicLong();
		List<Future<?>> sent = new ArrayList<>();
		int count = OpenLoad.schedule(rate, window,
				(i, intended) -> sent.add(this.updaters.submit(() -> change(intended, updates, errors))));
		for (Future<?> change : sent) {
			try {
				change.get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				errors.incrementAndGet();
			}
		}
		this.producer.flush();
		long toNotify = count - errors.get();
		long waitStarted = System.nanoTime();
		awaitHandled(handledBefore + toNotify, WAIT_LIMIT);
		EndToEndBenchmark.Notified notified = EndToEndBenchmark.notified(this.notifications, since, toNotify,
				waitStarted);
		this.stored.addAndGet(notified.stored());
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("updateP99", Result.round(updates.getValueAtPercentile(99) / 1000.0));
		figures.put("notNotified", notified.missing());
		figures.put("notificationsStored", notified.stored());
		return new Ladder.Step(notified.latencies().getValueAtPercentile(50), notified.latencies().getValueAtPercentile(99),
				count, errors.get() + (this.failed.get() - failedBefore) + notified.missing(), figures);
	}

	/** The notifications this pipeline's consumer stored and the steps read back, in all. */
	long stored() {
		return this.stored.get();
	}

	/** After a miss: waits until every change produced so far is handled. */
	void settle() {
		awaitHandled(this.produced.get(), WAIT_LIMIT);
	}

	private void awaitHandled(long target, Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (this.handled.get() < target && System.nanoTime() < deadline) {
			Stack.pause(Duration.ofMillis(20));
		}
	}

	/**
	 * One change: its event stamped, the order's update, then the event produced; the time to the send, from its
	 * schedule.
	 */
	private void change(long intended, Histogram updates, AtomicLong errors) {
		long k = this.changed.getAndIncrement();
		String orderId = this.orderIds.get((int) (k % this.orderIds.size()));
		try {
			// stamped before the order's write, as order-service stamps its event before the save that stores both
			ProducerRecord<String, byte[]> event = this.events.orderChanged(orderId, k + 2);
			this.orders.updateOne(Filters.eq("_id", orderId), Updates.combine(
					Updates.set("lines.0.quantity", 3 + (k / this.orderIds.size()) % 7), Updates.inc("version", 1L),
					Updates.set("lastModifiedAt", new Date())));
			this.producer.send(new ProducerRecord<>(TOPIC, null, event.key(), event.value(), event.headers()),
					(metadata, failure) -> {
						if (failure != null) {
							errors.incrementAndGet();
						}
					});
			this.produced.incrementAndGet();
		}
		catch (RuntimeException ex) {
			errors.incrementAndGet();
		}
		updates.recordValue(Math.min((System.nanoTime() - intended) / 1000, updates.getHighestTrackableValue()));
	}

	/** The consumer: from the topic's end, each record stored by the notifier, committed after each poll. */
	private void consume(CountDownLatch positioned) {
		try (KafkaConsumer<String, byte[]> consumer = this.notifier.consumer("bench-plain-pipeline")) {
			List<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
				.mapToObj((p) -> new TopicPartition(TOPIC, p))
				.toList();
			consumer.assign(partitions);
			consumer.seekToEnd(partitions);
			partitions.forEach(consumer::position);
			positioned.countDown();
			while (!this.closed) {
				ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
				for (ConsumerRecord<String, byte[]> record : records) {
					try {
						this.notifier.store(record);
					}
					catch (RuntimeException ex) {
						this.failed.incrementAndGet();
					}
					this.handled.incrementAndGet();
				}
				if (!records.isEmpty()) {
					consumer.commitSync();
				}
			}
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.updaters.shutdownNow();
		try {
			this.consumer.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.producer.close(Duration.ofSeconds(5));
		this.notifier.close();
		this.mongo.close();
	}

}
