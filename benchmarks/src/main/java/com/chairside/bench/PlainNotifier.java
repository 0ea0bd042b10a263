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
import com.mongodb.client.model.Filters;
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
 * per-event store work and nothing else: read the JSON, read the routing rules and webhook subscriptions of the
 * event's type, decide the departments, write one document per department (same fields, same indexes, the unique one
 * on event, recipient and channel), commit after each poll. No Spring, no
 * tracing, no metrics, no logging.
 */
final class PlainNotifier implements AutoCloseable {

	private static final List<String> ALWAYS = List.of("SALES_ADMINISTRATION", "PRODUCTION", "LOGISTICS");

	private final JsonMapper json = JsonMapper.builder().build();

	private final MongoClient mongo;

	private final MongoCollection<Document> notifications;

	private final MongoCollection<Document> rules;

	private final MongoCollection<Document> subscriptions;

	private final String bootstrap;

	PlainNotifier(String bootstrap, String mongoUri, String database) {
		this.bootstrap = bootstrap;
		this.mongo = MongoClients.create(mongoUri);
		this.notifications = this.mongo.getDatabase(database).getCollection("notifications");
		this.rules = this.mongo.getDatabase(database).getCollection("routing_rules");
		this.subscriptions = this.mongo.getDatabase(database).getCollection("webhook_subscriptions");
	}

	/**
	 * Empty collections with notification-service's indexes, and its three default OrderChanged routing rules (what
	 * it reads per event, as it does).
	 */
	void reset() {
		this.notifications.drop();
		this.notifications.createIndex(Indexes.ascending("eventId", "department", "person", "channel"),
				new IndexOptions().unique(true).name("once_per_event_recipient_channel"));
		for (String field : List.of("orderId", "region", "department", "person", "acknowledgeBy")) {
			this.notifications.createIndex(Indexes.ascending(field));
		}
		this.rules.drop();
		this.rules.createIndex(Indexes.ascending("eventType"));
		this.rules.insertMany(List.of(
				new Document("_id", "default-order-changed").append("eventType", "OrderChanged")
					.append("recipients", new Document("departments", ALWAYS).append("touchedDepartments", true)),
				new Document("_id", "default-order-changed-delivery-date").append("eventType", "OrderChanged")
					.append("conditions", new Document("changed", List.of("requestedDeliveryDate")))
					.append("recipients", new Document("departments", List.of("INSTALLATION"))),
				new Document("_id", "default-order-changed-value").append("eventType", "OrderChanged")
					.append("conditions", new Document("changed", List.of("total")))
					.append("recipients", new Document("departments", List.of("FINANCE")))));
		this.subscriptions.drop();
		this.subscriptions.createIndex(Indexes.ascending("eventTypes"));
	}

	/** Reads the partitions from {@code from} to {@code to}, storing as it goes; returns the seconds it took. */
	double drain(String topic, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
		try (KafkaConsumer<String, byte[]> consumer = consumer("bench-plain-notifier")) {
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

	/** A consumer of this notifier's broker in {@code group}, committing only when told (after each poll). */
	KafkaConsumer<String, byte[]> consumer(String group) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
	}

	/** One OrderChanged event's store work: its reads, then one notification per routed department. */
	void store(ConsumerRecord<String, byte[]> record) {
		Event event = Event.of(record, this.json);
		// the service's reads per event: its routing rules for the type, webhook subscriptions to it
		Set<String> departments = departments(event);
		this.subscriptions.find(Filters.eq("eventTypes", event.name())).into(new ArrayList<>());
		Mail mail = Mail.of(event.order());
		Date now = new Date();
		for (String department : departments) {
			insertOnce(notification(event, mail, department, now));
		}
	}

	/** The departments the event's routing rules name, as the service reads and applies them. */
	private Set<String> departments(Event event) {
		JsonNode order = event.order();
		Set<String> changed = new LinkedHashSet<>();
		order.path("changes").forEach((c) -> changed.add(c.path("field").asString()));
		Set<String> departments = new LinkedHashSet<>();
		for (Document rule : this.rules.find(Filters.eq("eventType", event.name()))) {
			Document recipients = rule.get("recipients", Document.class);
			Document conditions = rule.get("conditions", Document.class);
			if (conditions != null && !order.path("departments").isEmpty()) {
				continue;
			}
			if (conditions != null && conditions.getList("changed", String.class).stream().noneMatch(changed::contains)) {
				continue;
			}
			departments.addAll(recipients.getList("departments", String.class));
			if (recipients.getBoolean("touchedDepartments", false)) {
				order.path("departments").forEach((d) -> departments.add(d.asString()));
			}
		}
		return departments;
	}

	/** One department's notification, with the service's fields, pending delivery by mail. */
	private static Document notification(Event event, Mail mail, String department, Date now) {
		JsonNode order = event.order();
		return new Document("_id", UUID.randomUUID().toString()).append("eventId", event.id())
			.append("eventType", event.name()).append("orderId", mail.orderId())
			.append("accountId", order.path("accountId").asString()).append("region", order.path("region").asString())
			.append("department", department).append("person", null).append("channel", "EMAIL")
			.append("mailbox", department.toLowerCase().replace('_', '-') + "@chairside.example")
			.append("subject", mail.subject()).append("body", mail.body()).append("changes", changeDocuments(order))
			.append("occurredAt", Date.from(event.time())).append("createdAt", now).append("delivery", "PENDING")
			.append("attempts", 0).append("nextAttemptAt", now).append("revision", 0L).append("pendingEvents", List.of());
	}

	/**
	 * Inserts the notification unless the unique index already holds one for its event, recipient and channel: a
	 * redelivered event is stored once, as the service does.
	 */
	private void insertOnce(Document notification) {
		try {
			this.notifications.insertOne(notification);
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
	}

	private static List<Document> changeDocuments(JsonNode order) {
		List<Document> changes = new ArrayList<>();
		order.path("changes").forEach((c) -> changes.add(new Document("field", c.path("field").asString())
			.append("before", c.path("before").asString()).append("after", c.path("after").asString())));
		return changes;
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/** An event as read from its record: the CloudEvents headers and the order in its JSON body. */
	private record Event(String id, String name, Instant time, JsonNode order) {

		static Event of(ConsumerRecord<String, byte[]> record, JsonMapper json) {
			String id = header(record, "ce_id");
			String type = header(record, "ce_type");
			Instant time = Instant.parse(header(record, "ce_time"));
			JsonNode order = json.readTree(record.value());
			// the event's name without its domain and version (chairside.order.OrderChanged.v1), as rules name it
			return new Event(id, type.split("\\.")[2], time, order);
		}

	}

	/** What every department's mail about the event says, written once per event. */
	private record Mail(String orderId, String subject, String body) {

		static Mail of(JsonNode order) {
			String orderId = order.path("orderId").asString();
			String subject = "Order " + orderId + " changed: " + order.path("reason").asString();
			return new Mail(orderId, subject, text(order, orderId));
		}

		/** The mail's text: what changed and the order as it now is, as the service writes it. */
		private static String text(JsonNode order, String orderId) {
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
			return body.toString();
		}

	}

	@Override
	public void close() {
		this.mongo.close();
	}

}
