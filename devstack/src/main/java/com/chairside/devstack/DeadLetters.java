package com.chairside.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Lists and re-drives a consumer group's dead letters ({@code <topic>.<group>.dlt}), for {@code bin/chairside
 * dead-letters}. A re-drive sends each dead letter back to its original topic under its original key, value and
 * CloudEvents headers (the failure headers dropped), so the consumers see the same {@code ce_id} and absorb it if they
 * had handled it after all. What has been re-driven is remembered as the committed offsets of the group
 * {@code chairside-redrive.<dlt>}: running it again re-drives only dead letters that arrived since, never one twice.
 * <pre>
 * DeadLetters &lt;bootstrap&gt; list &lt;dlt&gt;
 * DeadLetters &lt;bootstrap&gt; redrive &lt;dlt&gt;
 * </pre>
 */
public final class DeadLetters {

	private static final Duration POLL = Duration.ofMillis(500);

	private final String bootstrap;

	private final String dlt;

	DeadLetters(String bootstrap, String dlt) {
		this.bootstrap = bootstrap;
		this.dlt = dlt;
	}

	public static void main(String[] args) {
		// Kafka's clients log every step at DEBUG by logback's default; the output is the listing.
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		if (args.length != 3 || !Arrays.asList("list", "redrive").contains(args[1])) {
			System.err.println("usage: DeadLetters <bootstrap> list|redrive <topic>.<group>.dlt");
			System.exit(2);
		}
		DeadLetters letters = new DeadLetters(args[0], args[2]);
		if (args[1].equals("list")) {
			letters.list();
		}
		else {
			letters.redrive();
		}
	}

	/** One line per dead letter: where it is, its key and event, where it came from, why it failed, if re-driven. */
	void list() {
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(redriveGroup())) {
			List<TopicPartition> partitions = partitions(consumer);
			Map<TopicPartition, OffsetAndMetadata> redriven = consumer.committed(new java.util.HashSet<>(partitions));
			int count = 0;
			for (ConsumerRecord<byte[], byte[]> r : readAll(consumer, partitions, false)) {
				OffsetAndMetadata done = redriven.get(new TopicPartition(r.topic(), r.partition()));
				System.out.printf("%d:%d key=%s ce_id=%s ce_type=%s from=%s error=%s%s%n", r.partition(), r.offset(),
						text(r.key()), header(r, "ce_id"), header(r, "ce_type"), originalTopic(r),
						firstLine(failure(r)), (done != null && r.offset() < done.offset()) ? " [re-driven]" : "");
				count++;
			}
			System.out.println(count + " dead letters in " + this.dlt);
		}
	}

	/** Sends every dead letter not re-driven yet back to its topic, and remembers each once it is acknowledged. */
	void redrive() {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(redriveGroup());
				KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
			List<TopicPartition> partitions = partitions(consumer);
			int count = 0;
			for (ConsumerRecord<byte[], byte[]> r : readAll(consumer, partitions, true)) {
				List<Header> headers = new ArrayList<>();
				for (Header h : r.headers()) {
					if (!h.key().startsWith("x-") && !h.key().startsWith("kafka_dlt-")) {
						headers.add(h);
					}
				}
				String topic = originalTopic(r);
				try {
					producer.send(new ProducerRecord<>(topic, null, r.key(), r.value(), headers)).get();
				}
				catch (Exception ex) {
					throw new IllegalStateException("Re-driving " + r.partition() + ":" + r.offset() + " failed", ex);
				}
				consumer.commitSync(Map.of(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1)));
				System.out.printf("re-drove %d:%d key=%s ce_id=%s to %s%n", r.partition(), r.offset(), text(r.key()),
						header(r, "ce_id"), topic);
				count++;
			}
			System.out.println("re-drove " + count + " dead letters of " + this.dlt);
		}
	}

	private String redriveGroup() {
		return "chairside-redrive." + this.dlt;
	}

	private KafkaConsumer<byte[], byte[]> consumer(String group) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		return new KafkaConsumer<>(config);
	}

	private List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
		List<PartitionInfo> infos = consumer.partitionsFor(this.dlt, Duration.ofSeconds(10));
		if (infos == null || infos.isEmpty()) {
			return List.of();
		}
		return infos.stream().map((p) -> new TopicPartition(p.topic(), p.partition())).toList();
	}

	/**
	 * The records present now, from the start ({@code fromRedriven} false) or from what was re-driven last, up to the
	 * end offsets read at the start: dead letters arriving meanwhile wait for the next run.
	 */
	private List<ConsumerRecord<byte[], byte[]>> readAll(KafkaConsumer<byte[], byte[]> consumer,
			List<TopicPartition> partitions, boolean fromRedriven) {
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		if (partitions.isEmpty()) {
			return records;
		}
		consumer.assign(partitions);
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
		Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
		Map<TopicPartition, Long> positions = new HashMap<>();
		for (TopicPartition p : partitions) {
			OffsetAndMetadata done = committed.get(p);
			if (fromRedriven && done != null) {
				consumer.seek(p, done.offset());
			}
			else {
				consumer.seekToBeginning(List.of(p));
			}
			positions.put(p, consumer.position(p));
		}
		while (partitions.stream().anyMatch((p) -> positions.get(p) < ends.get(p))) {
			for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
				TopicPartition p = new TopicPartition(r.topic(), r.partition());
				if (r.offset() < ends.get(p)) {
					records.add(r);
				}
			}
			partitions.forEach((p) -> positions.put(p, consumer.position(p)));
		}
		return records;
	}

	/** The topic the dead letter came from: the binder's header, or the name before {@code .<group>.dlt}. */
	private String originalTopic(ConsumerRecord<byte[], byte[]> r) {
		String header = header(r, "x-original-topic");
		if (header == null) {
			header = header(r, "kafka_dlt-original-topic");
		}
		if (header != null) {
			return header;
		}
		String[] parts = this.dlt.split("\\.");
		return String.join(".", Arrays.copyOf(parts, parts.length - 2));
	}

	private static String failure(ConsumerRecord<byte[], byte[]> r) {
		String message = header(r, "x-exception-message");
		return (message != null) ? message : header(r, "kafka_dlt-exception-message");
	}

	private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
		Header h = r.headers().lastHeader(name);
		return (h != null && h.value() != null) ? new String(h.value(), StandardCharsets.UTF_8) : null;
	}

	private static String text(byte[] bytes) {
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : null;
	}

	private static String firstLine(String text) {
		return (text != null) ? "\"" + text.lines().findFirst().orElse("") + "\"" : "-";
	}

}
