package com.chairside.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.SimpleKafkaHeaderMapper;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.messaging.Message;

import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;
import com.chairside.testsupport.LoggedProblems;

import ch.qos.logback.classic.Level;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link InboxErrorHandling} on a listener container reading a topic of one partition on the test broker, with the
 * binder's default of three attempts: an event that meets the store away more often than that is handled once the
 * store answers, before the event behind it, and never dead-lettered; a poison message is dead-lettered at once with
 * its origin and failure named. The same for a batch consumer, record by record.
 */
class InboxErrorHandlingIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	@Test
	void aStoreOutageOutlastingTheAttemptsIsWaitedOutAndOnlyAPoisonMessageIsDeadLettered() throws Exception {
		AtomicInteger storeAwayFor = new AtomicInteger(4); // attempts, one more than the three the binding allows
		List<String> handled = new CopyOnWriteArrayList<>();
		try (Consuming consuming = new Consuming((MessageListener<byte[], byte[]>) (record) -> {
			String key = new String(record.key(), StandardCharsets.UTF_8);
			if (key.equals("poison")) {
				throw new PoisonMessageException("not a CloudEvent");
			}
			if (key.equals("waits") && storeAwayFor.getAndDecrement() > 0) {
				throw new DataAccessResourceFailureException("Timed out waiting for a server");
			}
			handled.add(key);
		})) {
			for (String key : List.of("poison", "waits", "after")) {
				kafka.send(new ProducerRecord<>(consuming.topic, key, "{}"));
			}
			consuming.start();
			await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 2);
			assertThat(handled).as("handled in the partition's order").containsExactly("waits", "after");
			assertThat(storeAwayFor.get()).as("the store was away for every attempt the binding allows, and one more")
				.isNegative();
			List<Received> dead = consuming.deadLetters(1);
			assertThat(dead).extracting(Received::key).containsExactly("poison");
			assertThat(dead.get(0).header("kafka_dlt-original-topic")).isEqualTo(consuming.topic);
			assertThat(dead.get(0).header("kafka_dlt-exception-fqcn")).isEqualTo(PoisonMessageException.class.getName());
			assertThat(dead.get(0).header("kafka_dlt-exception-message")).isEqualTo("not a CloudEvent");
		}
	}

	/**
	 * A failure is logged once, where it is understood: an event whose handler fails for good, a line per failed
	 * attempt and its stack trace at ERROR when it is dead-lettered; a poison message nothing at ERROR (the handlers name
	 * it at WARN), and neither the container's seeks.
	 */
	@Test
	void aFailureIsLoggedOnceAtTheLevelAnOperatorActsOn() throws Exception {
		List<String> handled = new CopyOnWriteArrayList<>();
		try (LoggedProblems logged = LoggedProblems.capture();
				Consuming consuming = new Consuming((MessageListener<byte[], byte[]>) (record) -> {
					String key = new String(record.key(), StandardCharsets.UTF_8);
					if (key.equals("poison")) {
						throw new PoisonMessageException("not a CloudEvent");
					}
					if (key.equals("bug")) {
						throw new IllegalStateException("the handler's bug");
					}
					handled.add(key);
				})) {
			for (String key : List.of("poison", "bug", "after")) {
				kafka.send(new ProducerRecord<>(consuming.topic, key, "{}"));
			}
			consuming.start();
			await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 1);
			assertThat(consuming.deadLetters(2)).extracting(Received::key).containsExactly("poison", "bug");
			String at = "event (no ce_id) at " + consuming.topic + "-0@1";
			assertThat(logged.at(Level.WARN, "com.chairside")).as("a line per failed attempt of the bug")
				.containsExactly(
						"com.chairside.platform.inbox.InboxErrorHandling: test: " + at
								+ " failed (attempt 1): java.lang.IllegalStateException: the handler's bug",
						"com.chairside.platform.inbox.InboxErrorHandling: test: " + at
								+ " failed (attempt 2): java.lang.IllegalStateException: the handler's bug",
						"com.chairside.platform.inbox.InboxErrorHandling: test: " + at
								+ " failed (attempt 3): java.lang.IllegalStateException: the handler's bug");
			assertThat(logged.at(Level.ERROR, "")).as("the bug's dead letter, once, with its stack trace")
				.containsExactly("com.chairside.platform.inbox.InboxErrorHandling: test: " + at
						+ " sent to the dead-letter topic, its last attempt failed [java.lang.IllegalStateException]");
		}
	}

	/**
	 * {@link EventHandlers#batchConsumer} on a batch listener: a poll of six records, one not a CloudEvent and one
	 * whose write fails for good. The first write meets the store away, more often than the binding's attempts; the
	 * events before the unreadable record are written once the store answers, that record and the one that cannot be
	 * written are dead-lettered alone, and every other event is written once, in the partition's order.
	 */
	@Test
	void aBatchConsumerWritesEachEventOnceAndDeadLettersOnlyThePoisonRecords() throws Exception {
		AtomicInteger storeAwayFor = new AtomicInteger(3); // writes: the binding's three attempts
		List<Integer> batches = new CopyOnWriteArrayList<>();
		List<String> written = new CopyOnWriteArrayList<>();
		EventHandlers handlers = new EventHandlers(JsonMapper.builder().build(), new SimpleMeterRegistry());
		Consumer<Message<List<byte[]>>> consumer = handlers.batchConsumer("test", IncomingEvent::subject,
				(subjects) -> {
					if (storeAwayFor.getAndDecrement() > 0) {
						throw new DataAccessResourceFailureException("Timed out waiting for a server");
					}
					if (subjects.contains("unwritable")) {
						throw new PoisonMessageException("unwritable");
					}
					written.addAll(subjects);
				});
		BatchMessagingMessageConverter converter = new BatchMessagingMessageConverter();
		converter.setHeaderMapper(new SimpleKafkaHeaderMapper());
		try (LoggedProblems logged = LoggedProblems.capture();
				Consuming consuming = new Consuming((BatchMessageListener<byte[], byte[]>) (records) -> {
					batches.add(records.size());
					@SuppressWarnings("unchecked")
					Message<List<byte[]>> batch = (Message<List<byte[]>>) converter.toMessage(new ArrayList<>(records),
							null, null, null);
					consumer.accept(batch);
				})) {
			for (String key : List.of("one", "two", "unreadable", "three", "unwritable", "four")) {
				if (key.equals("unreadable")) {
					kafka.send(new ProducerRecord<>(consuming.topic, key, "{}"));
				}
				else {
					kafka.sendCloudEvent(consuming.topic, key, UUID.randomUUID().toString(), "chairside.test.Tested.v1",
							1, "{}");
				}
			}
			consuming.start();
			await().atMost(Duration.ofSeconds(30)).until(() -> written.size() == 4);
			assertThat(batches).as("four polls of all six (the store away for three), then the three after the "
					+ "unreadable record, dead-lettered at once, then the one after the unwritable record")
				.containsExactly(6, 6, 6, 6, 3, 1);
			assertThat(written).as("each once, in the partition's order").containsExactly("one", "two", "three", "four");
			assertThat(storeAwayFor.get()).as("the store was away for every attempt the binding allows").isNegative();
			List<Received> dead = consuming.deadLetters(2);
			assertThat(dead).extracting(Received::key).containsExactly("unreadable", "unwritable");
			assertThat(dead).extracting((letter) -> letter.header("kafka_dlt-exception-fqcn"))
				.containsOnly(PoisonMessageException.class.getName());
			assertThat(dead.get(0).header("kafka_dlt-exception-message")).startsWith("Not a CloudEvent");
			assertThat(logged.at(Level.ERROR, "")).as("poison records and a store outage are expected paths").isEmpty();
		}
	}

	/** A listener container on a new topic of one partition, with the binder's default of three attempts. */
	private static final class Consuming implements AutoCloseable {

		final String topic = "inbox-errors-" + UUID.randomUUID();

		private final String dlt = this.topic + ".test.dlt";

		private final KafkaMessageListenerContainer<byte[], byte[]> container;

		private final InboxErrorHandling errors;

		Consuming(Object listener) throws Exception {
			String bootstrap = Infrastructure.get().kafkaBootstrap();
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
				admin.createTopics(List.of(new NewTopic(this.topic, 1, (short) 1), new NewTopic(this.dlt, 1, (short) 1)))
					.all()
					.get();
			}
			ContainerProperties properties = new ContainerProperties(this.topic);
			properties.setMessageListener(listener);
			this.container = new KafkaMessageListenerContainer<>(
					new DefaultKafkaConsumerFactory<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
							ConsumerConfig.GROUP_ID_CONFIG, "test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
							ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
							ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)),
					properties);
			ExponentialBackOffWithMaxRetries attempts = new ExponentialBackOffWithMaxRetries(2);
			attempts.setInitialInterval(50);
			this.errors = new InboxErrorHandling(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), null);
			this.errors.configure(this.container, this.topic, "test", (record, ex) -> new TopicPartition(this.dlt, 0),
					attempts);
		}

		void start() {
			this.container.start();
		}

		List<Received> deadLetters(int count) {
			List<Received> dead = kafka.records(this.dlt);
			await().atMost(Duration.ofSeconds(10)).until(() -> dead.size() >= count);
			return dead;
		}

		@Override
		public void close() {
			this.container.stop();
			this.errors.destroy();
		}

	}

}
