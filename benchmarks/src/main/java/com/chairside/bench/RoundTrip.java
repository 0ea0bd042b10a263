package com.chairside.bench;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The end-to-end baseline: raw kafka-clients produce→consume round trips at a fixed rate, OrderChanged-sized records
 * with the outbox relay's producer settings, on a topic with the suite's settings (six partitions, one replica),
 * consumed by one consumer in its own group. Latency from send to receipt, in microseconds.
 */
final class RoundTrip implements AutoCloseable {

	private static final String TOPIC = "bench.roundtrip";

	private final Producer<String, byte[]> producer;

	private final String bootstrap;

	private final Events events = new Events(4);

	RoundTrip(Stack stack) {
		this.bootstrap = stack.kafkaBootstrap();
		this.producer = Events.producer(this.bootstrap);
		try (Admin admin = stack.admin()) {
			admin.createTopics(java.util.List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot create " + TOPIC, ex);
		}
	}

	Histogram run(int rate, Duration window) {
		Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
		int count = (int) (window.toSeconds() * rate);
		AtomicLong received = new AtomicLong();
		AtomicBoolean assigned = new AtomicBoolean();
		Thread consumer = new Thread(() -> consume(latencies, received, assigned, count), "round-trip-consumer");
		consumer.start();
		while (!assigned.get()) {
			Stack.pause(Duration.ofMillis(50));
		}
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long wait = start + i * interval - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			ProducerRecord<String, byte[]> template = this.events.orderChanged(UUID.randomUUID().toString(), i);
			byte[] value = template.value();
			ByteBuffer stamped = ByteBuffer.allocate(8 + value.length).putLong(System.nanoTime()).put(value);
			this.producer.send(new ProducerRecord<>(TOPIC, null, template.key(), stamped.array(), template.headers()));
		}
		try {
			consumer.join(TimeUnit.MINUTES.toMillis(2));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		consumer.interrupt();
		if (received.get() < count) {
			throw new IllegalStateException("The round trip received " + received.get() + " of " + count + " records");
		}
		return latencies;
	}

	private void consume(Histogram latencies, AtomicLong received, AtomicBoolean assigned, int count) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-round-trip-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(java.util.List.of(TOPIC));
			long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
			while (received.get() < count && System.nanoTime() < deadline) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
					long sent = ByteBuffer.wrap(record.value()).getLong();
					latencies.recordValue(Math.min((System.nanoTime() - sent) / 1000, latencies.getHighestTrackableValue()));
					received.incrementAndGet();
				}
				if (!consumer.assignment().isEmpty() && !assigned.get()) {
					// Positions are fixed only once the consumer has them: ask, so nothing sent after this is skipped.
					consumer.assignment().forEach(consumer::position);
					assigned.set(true);
				}
			}
		}
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
	}

}
