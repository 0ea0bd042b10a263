package com.chairside.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link InboxErrorHandling} on a listener container reading a topic of one partition on the test broker, with the
 * binder's default of three attempts: an event that meets the store away more often than that is handled once the
 * store answers, before the event behind it, and never dead-lettered; a poison message is dead-lettered at once with
 * its origin and failure named.
 */
class InboxErrorHandlingIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	@Test
	void aStoreOutageOutlastingTheAttemptsIsWaitedOutAndOnlyAPoisonMessageIsDeadLettered() throws Exception {
		String topic = "inbox-errors-" + UUID.randomUUID();
		String dlt = topic + ".test.dlt";
		String bootstrap = Infrastructure.get().kafkaBootstrap();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(dlt, 1, (short) 1))).all().get();
		}
		AtomicInteger storeAwayFor = new AtomicInteger(4); // attempts, one more than the three the binding allows
		List<String> handled = new CopyOnWriteArrayList<>();
		ContainerProperties properties = new ContainerProperties(topic);
		properties.setMessageListener((MessageListener<byte[], byte[]>) (record) -> {
			String key = new String(record.key(), StandardCharsets.UTF_8);
			if (key.equals("poison")) {
				throw new PoisonMessageException("not a CloudEvent");
			}
			if (key.equals("waits") && storeAwayFor.getAndDecrement() > 0) {
				throw new DataAccessResourceFailureException("Timed out waiting for a server");
			}
			handled.add(key);
		});
		KafkaMessageListenerContainer<byte[], byte[]> container = new KafkaMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
						ConsumerConfig.GROUP_ID_CONFIG, "test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
						ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
						ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)),
				properties);
		ExponentialBackOffWithMaxRetries attempts = new ExponentialBackOffWithMaxRetries(2);
		attempts.setInitialInterval(50);
		InboxErrorHandling errors = new InboxErrorHandling(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), null);
		errors.configure(container, topic, "test", (record, ex) -> new TopicPartition(dlt, 0), attempts);
		container.start();
		try {
			for (String key : List.of("poison", "waits", "after")) {
				kafka.send(new ProducerRecord<>(topic, key, "{}"));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == 2);
			assertThat(handled).as("handled in the partition's order").containsExactly("waits", "after");
			assertThat(storeAwayFor.get()).as("the store was away for every attempt the binding allows, and one more")
				.isNegative();
			List<Received> dead = kafka.records(dlt);
			await().atMost(Duration.ofSeconds(10)).until(() -> !dead.isEmpty());
			assertThat(dead).extracting(Received::key).containsExactly("poison");
			assertThat(dead.get(0).header("kafka_dlt-original-topic")).isEqualTo(topic);
			assertThat(dead.get(0).header("kafka_dlt-exception-fqcn")).isEqualTo(PoisonMessageException.class.getName());
			assertThat(dead.get(0).header("kafka_dlt-exception-message")).isEqualTo("not a CloudEvent");
		}
		finally {
			container.stop();
			errors.destroy();
		}
	}

}
