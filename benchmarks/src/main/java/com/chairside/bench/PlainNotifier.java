package com.chairside.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event path's baseline: a plain kafka-clients consumer and the plain MongoDB driver doing notification-service's
 * per-event store work and nothing else: read the JSON, decide the departments, write one document per department
 * (same fields, same indexes, the unique one on event, department and channel), commit after each poll. No Spring, no
 * tracing, no metrics, no logging.
 */
final class PlainNotifier implements AutoCloseable {

	private static final List<String> ALWAYS = List.of("SALES_ADMINISTRATION", "PRODUCTION", "LOGISTICS");

	private final JsonMapper json = JsonMapper.builder().build();

	private final MongoClient mongo;

	private final MongoCollection<Document> notifications;

	private final String bootstrap;

	PlainNotifier(String bootstrap, String mongoUri, String database) {
		this.bootstrap = bootstrap;
		this.mongo = MongoClients.create(mongoUri);
		this.notifications = this.mongo.getDatabase(database).getCollection("notifications");
	}

	/** An empty collection with notification-service's indexes. */
	void reset() {
		this.notifications.drop();
		this.notifications.createIndex(Indexes.ascending("eventId", "department", "channel"),
				new IndexOptions().unique(true).name("once_per_recipient"));
		this.notifications.createIndex(Indexes.ascending("region"));
		this.notifications.createIndex(Indexes.ascending("department"));
	}

	/** Reads the partitions from {@code from} to {@code to}, storing as it goes; returns the seconds it took. */
	double drain(String topic, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-plain-notifier");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.assign(from.keySet());
			from.forEach(consumer::seek);
			long started = System.nanoTime();
			long left = Offsets.sum(to) - Offsets.sum(from);
			while (left > 0) {
				ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
				for (ConsumerRecord<String, byte[]> record : records) {
					store(record);
				}
				left -= records.count();
				consumer.commitSync();
			}
			return (System.nanoTime() - started) / 1e9;
		}
	}

	private void store(ConsumerRecord<String, byte[]> record) {
		String eventId = header(record, "ce_id");
		String type = header(record, "ce_type");
		Instant time = Instant.parse(header(record, "ce_time"));
		JsonNode order = this.json.readTree(record.value());
		Set<String> departments = new LinkedHashSet<>(ALWAYS);
		order.path("departments").forEach((d) -> departments.add(d.asString()));
		String orderId = order.path("orderId").asString();
		String subject = "Order " + orderId + " changed: " + order.path("reason").asString();
		StringBuilder body = new StringBuilder("Order ").append(orderId).append(" of account ")
			.append(order.path("accountId").asString()).append(" (region ").append(order.path("region").asString())
			.append(")\nReason: ").append(order.path("reason").asString()).append("\nWhat changed:\n");
		List<String> changes = new ArrayList<>();
		order.path("changes").forEach((c) -> changes.add("  " + c.path("field").asString() + ": "
				+ c.path("before").asString() + " -> " + c.path("after").asString()));
		body.append(String.join("\n", changes)).append("\nLines now:\n");
		order.path("lines").forEach((l) -> body.append("  ").append(l.path("quantity").asInt()).append(" x ")
			.append(l.path("sku").asString()).append('\n'));
		body.append("Order value: ").append(order.path("total").path("amount").asString()).append(" USD\n");
		Date now = new Date();
		for (String department : departments) {
			Document notification = new Document("_id", UUID.randomUUID().toString()).append("eventId", eventId)
				.append("eventType", type.split("\\.")[2]).append("orderId", orderId)
				.append("accountId", order.path("accountId").asString()).append("region", order.path("region").asString())
				.append("department", department).append("channel", "EMAIL")
				.append("recipient", department.toLowerCase().replace('_', '-') + "@chairside.example")
				.append("subject", subject).append("body", body.toString()).append("occurredAt", Date.from(time))
				.append("createdAt", now).append("delivery", "PENDING").append("attempts", 0).append("nextAttemptAt", now);
			try {
				this.notifications.insertOne(notification);
			}
			catch (MongoWriteException ex) {
				if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
			}
		}
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	public void close() {
		this.mongo.close();
	}

}
