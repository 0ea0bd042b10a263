package com.chairside.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A plain Kafka client for tests, as any other internal system would use one: reads a topic from the beginning and
 * writes raw records with CloudEvents headers (duplicates, poison messages, contract examples).
 */
public final class KafkaProbe implements AutoCloseable {

	private final String bootstrap;

	private final KafkaProducer<String, String> producer;

	private final List<KafkaConsumer<String, String>> consumers = new ArrayList<>();

	private static KafkaProbe shared;

	private final Map<String, List<Received>> followed = new java.util.concurrent.ConcurrentHashMap<>();

	/** One probe on the test {@link Infrastructure}'s broker for the whole test JVM. */
	public static synchronized KafkaProbe shared() {
		if (shared == null) {
			shared = new KafkaProbe(Infrastructure.get().kafkaBootstrap());
		}
		return shared;
	}

	/** What {@code topic} holds, read from its beginning and kept up to date; one reader per topic and probe. */
	public List<Received> records(String topic) {
		return this.followed.computeIfAbsent(topic, this::follow);
	}

	/** Waits for the record of {@code type} about {@code key} on {@code topic}. */
	public Received awaitRecord(String topic, String key, String type) {
		List<Received> records = records(topic);
		return org.awaitility.Awaitility.await()
			.until(() -> records.stream()
				.filter((r) -> key.equals(r.key()) && type.equals(r.header("ce_type")))
				.findFirst(), java.util.Optional::isPresent)
			.get();
	}

	public KafkaProbe(String bootstrap) {
		this.bootstrap = bootstrap;
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		this.producer = new KafkaProducer<>(config);
	}

	/** One record as read: key, value, and headers decoded as UTF-8. */
	public record Received(String topic, int partition, String key, String value, Map<String, String> headers) {

		public String header(String name) {
			return this.headers.get(name);
		}

	}

	/** Sends {@code value} under {@code key} with CloudEvents headers made from {@code type} and the given id. */
	public void sendCloudEvent(String topic, String key, String ceId, String type, long sequence, String value) {
		List<Header> headers = List.of(header("ce_id", ceId), header("ce_type", type), header("ce_subject", key),
				header("ce_source", "/chairside/test"), header("ce_specversion", "1.0"),
				header("ce_sequence", Long.toString(sequence)), header("ce_time", java.time.Instant.now().toString()),
				header("content-type", "application/json"));
		send(new ProducerRecord<>(topic, null, key, value, headers));
	}

	public void send(ProducerRecord<String, String> record) {
		try {
			this.producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Starts reading {@code topic} from its beginning in the background; the returned list fills as records arrive,
	 * for Awaitility to wait on.
	 */
	public List<Received> follow(String topic) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500");
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
		this.consumers.add(consumer);
		List<Received> received = new CopyOnWriteArrayList<>();
		Thread thread = new Thread(() -> {
			try {
				consumer.subscribe(List.of(topic));
				while (true) {
					for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
						Map<String, String> headers = new java.util.LinkedHashMap<>();
						for (Header h : r.headers()) {
							headers.put(h.key(), (h.value() != null) ? new String(h.value(), StandardCharsets.UTF_8) : null);
						}
						received.add(new Received(r.topic(), r.partition(), r.key(), r.value(), headers));
					}
				}
			}
			catch (org.apache.kafka.common.errors.WakeupException | IllegalStateException ex) {
				// closed
			}
			finally {
				consumer.close();
			}
		}, "kafka-probe-" + topic);
		thread.setDaemon(true);
		thread.start();
		return received;
	}

	/**
	 * True once consumer group {@code group} has committed, on every partition of {@code topic}, the end offset: every
	 * record written so far has been handled (or dead-lettered). Tests wait on it before asserting that something did
	 * <em>not</em> happen.
	 */
	public boolean consumedAll(String group, String topic) {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		try (Admin admin = Admin.create(config)) {
			Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get();
			Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
			admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
				.forEach((p) -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
			var ends = admin.listOffsets(latest).all().get();
			return ends.entrySet().stream().allMatch((e) -> e.getValue().offset() == 0
					|| (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset()));
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static Header header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		this.consumers.forEach(KafkaConsumer::wakeup);
		this.producer.close();
	}

}
