package com.chairside.examples.subscriber;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.chairside.examples.subscriber.Deduplication.Verdict;

/**
 * A subscriber to Chairside's topics with nothing but kafka-clients: one consumer in its own group, reading from the
 * start of each topic (they keep every event), handing each new event to a {@link Listener} and dropping duplicates
 * and stale events ({@link Deduplication}). Offsets are committed after the listener has run, so a crash means
 * redelivery, never a loss: the listener must be idempotent, which the deduplication makes it within one run. A
 * listener that throws stops the subscriber before that batch is committed, so the batch is read again on restart.
 */
public final class EventSubscriber implements AutoCloseable {

	/** What the subscriber does with the events it reads. */
	public interface Listener {

		/** A new event: act on it. */
		void onEvent(CloudEvent event);

		/** An event that was not handed to {@link #onEvent}, and why. */
		default void onDropped(CloudEvent event, Verdict verdict) {
		}

	}

	private final KafkaConsumer<String, String> consumer;

	private final Collection<String> topics;

	private final Listener listener;

	private final Deduplication deduplication = new Deduplication(100_000);

	private final CountDownLatch assigned = new CountDownLatch(1);

	private final Thread thread;

	private volatile boolean running = true;

	private EventSubscriber(String bootstrapServers, String groupId, Collection<String> topics, Listener listener) {
		Properties settings = new Properties();
		settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
		settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		// A new group reads everything the topics hold: that is how a projection is built, or rebuilt.
		settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		this.consumer = new KafkaConsumer<>(settings);
		this.topics = List.copyOf(topics);
		this.listener = listener;
		this.thread = new Thread(this::run, "chairside-subscriber-" + groupId);
	}

	/** Starts reading {@code topics} as consumer group {@code groupId}, on a thread of its own. */
	public static EventSubscriber start(String bootstrapServers, String groupId, Collection<String> topics,
			Listener listener) {
		EventSubscriber subscriber = new EventSubscriber(bootstrapServers, groupId, topics, listener);
		subscriber.thread.start();
		return subscriber;
	}

	/** Whether the group has given this subscriber its partitions within {@code timeout}. */
	public boolean awaitAssignment(Duration timeout) throws InterruptedException {
		return this.assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void run() {
		try {
			this.consumer.subscribe(this.topics, new ConsumerRebalanceListener() {

				@Override
				public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
				}

				@Override
				public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
					EventSubscriber.this.assigned.countDown();
				}

			});
			while (this.running) {
				for (ConsumerRecord<String, String> record : this.consumer.poll(Duration.ofMillis(500))) {
					CloudEvent event = CloudEvent.of(record);
					Verdict verdict = this.deduplication.judge(event);
					if (verdict == Verdict.NEW) {
						this.listener.onEvent(event);
					}
					else {
						this.listener.onDropped(event, verdict);
					}
				}
				this.consumer.commitSync();
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		finally {
			this.consumer.close();
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.consumer.wakeup();
		this.thread.join(TimeUnit.SECONDS.toMillis(10));
	}

	/**
	 * Prints the events of the topics named (default {@code chairside.orders}) from the broker in
	 * {@code CHAIRSIDE_KAFKA} (default {@code 127.0.0.1:9092}, the embedded broker of {@code bin/chairside up}).
	 */
	public static void main(String[] args) throws InterruptedException {
		String bootstrap = System.getenv().getOrDefault("CHAIRSIDE_KAFKA", "127.0.0.1:9092");
		List<String> topics = (args.length > 0) ? List.of(args) : List.of("chairside.orders");
		String group = System.getenv().getOrDefault("CHAIRSIDE_EXAMPLE_GROUP", "example-subscriber-" + UUID.randomUUID());
		EventSubscriber subscriber = start(bootstrap, group, topics, new Listener() {

			@Override
			public void onEvent(CloudEvent event) {
				System.out.printf("%s %s %s #%d %s%n", event.time(), event.type(), event.subject(), event.sequence(),
						event.data());
			}

			@Override
			public void onDropped(CloudEvent event, Verdict verdict) {
				System.out.printf("dropped (%s) %s %s%n", verdict, event.type(), event.id());
			}

		});
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				subscriber.close();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		subscriber.thread.join();
	}

}
