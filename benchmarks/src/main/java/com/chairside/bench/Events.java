package com.chairside.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Realistic events as the services' outbox relays publish them: the CloudEvents binary headers platform's
 * CloudEventHeaders writes, JSON payloads shaped like contracts/events' examples (a few hundred bytes to 2 KB), keyed
 * by the aggregate's id. Seeded, so every run publishes the same stream.
 */
final class Events {

	static final String ORDERS = "chairside.orders";

	static final String LEADS = "chairside.leads";

	private static final String[] REGIONS = { "NORTHEAST", "SOUTHEAST", "MIDWEST", "SOUTHWEST", "NORTHWEST" };

	private static final String[] SKUS = { "EC-ORTHO-100", "TC-ORTHO-200", "DU-ORTHO-300", "CC-ORTHO-400" };

	private static final String[] EXTRA_DEPARTMENTS = { "INSTALLATION", "FINANCE" };

	private final Random random;

	Events(long seed) {
		this.random = new Random(seed);
	}

	/** A producer configured as the outbox relay's: every event acknowledged by the broker, idempotent. */
	static Producer<String, byte[]> producer(String bootstrap) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
		return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
	}

	/** Publishes {@code count} OrderChanged events over {@code orders} distinct orders and waits until all are stored. */
	void publishOrderChanges(Producer<String, byte[]> producer, int count, int orders) {
		List<String> ids = ids(orders);
		for (int i = 0; i < count; i++) {
			String orderId = ids.get(i % orders);
			producer.send(orderChanged(orderId, i / orders + 2L));
		}
		producer.flush();
	}

	/**
	 * Publishes a reporting-sized stream: per lead a LeadCaptured and a LeadQualified on chairside.leads, per order an
	 * OrderPlaced and OrderChanged events on chairside.orders, {@code count} in all.
	 */
	void publishHistory(Producer<String, byte[]> producer, int count) {
		for (int i = 0; i < count; i += 4) {
			String lead = UUID.randomUUID().toString();
			String order = UUID.randomUUID().toString();
			producer.send(leadEvent("LeadCaptured", lead, 1));
			producer.send(leadEvent("LeadQualified", lead, 2));
			producer.send(record(ORDERS, order, "chairside.order.OrderPlaced.v1", 1, orderPayload(order, false)));
			producer.send(orderChanged(order, 2));
		}
		producer.flush();
	}

	ProducerRecord<String, byte[]> orderChanged(String orderId, long sequence) {
		return record(ORDERS, orderId, "chairside.order.OrderChanged.v1", sequence, orderPayload(orderId, true));
	}

	private ProducerRecord<String, byte[]> leadEvent(String name, String leadId, long sequence) {
		String region = REGIONS[this.random.nextInt(REGIONS.length)];
		String payload = """
				{"leadId":"%s","practiceName":"Practice %d Orthodontics","specialty":"ORTHODONTICS","region":"%s",\
				"source":"CONFERENCE","city":"Boston","country":"US","productInterests":["TREATMENT_CHAIR","DELIVERY_UNIT"],\
				"estimatedValue":{"amount":"%d.00","currency":"USD"},"owner":"%s","capturedAt":"%s"}"""
			.formatted(leadId, this.random.nextInt(1_000_000), region, 20_000 + this.random.nextInt(200_000),
					UUID.randomUUID(), Instant.now());
		return record(LEADS, leadId, "chairside.lead." + name + ".v1", sequence, payload);
	}

	/** An order as OrderPlaced/OrderChanged carry it; a change names what moved and which departments it touches. */
	private String orderPayload(String orderId, boolean change) {
		StringBuilder lines = new StringBuilder();
		long total = 0;
		int lineCount = 1 + this.random.nextInt(4);
		for (int i = 0; i < lineCount; i++) {
			int quantity = 1 + this.random.nextInt(5);
			long price = 5_000 + this.random.nextInt(10_000);
			total += quantity * price;
			lines.append(i == 0 ? "" : ",").append("""
					{"sku":"%s","productLine":"ORTHODONTIC","quantity":%d,"unitPrice":{"amount":"%d.00","currency":"USD"},\
					"lineTotal":{"amount":"%d.00","currency":"USD"}}""".formatted(SKUS[i], quantity, price, quantity * price));
		}
		List<String> departments = new ArrayList<>(List.of("SALES_ADMINISTRATION", "PRODUCTION", "LOGISTICS"));
		for (String extra : EXTRA_DEPARTMENTS) {
			if (this.random.nextBoolean()) {
				departments.add(extra);
			}
		}
		String changes = change ? """
				"reason":"Practice is opening another operatory; delivery moved to match the contractor's schedule.",\
				"changes":[{"field":"lines[TC-ORTHO-200].quantity","before":"4","after":"5"},\
				{"field":"requestedDeliveryDate","before":"2027-02-15","after":"2027-03-08"},\
				{"field":"total","before":"113500.00","after":"%d.00"}],""".formatted(total) : "";
		return """
				{"orderId":"%s","accountId":"%s","region":"%s",%s"lines":[%s],"total":{"amount":"%d.00","currency":"USD"},\
				"requestedDeliveryDate":"2027-03-08","changedBy":"%s","changedAt":"%s","departments":["%s"],\
				"affectsProduction":false}"""
			.formatted(orderId, UUID.nameUUIDFromBytes(orderId.getBytes(StandardCharsets.UTF_8)),
					REGIONS[Math.floorMod(orderId.hashCode(), REGIONS.length)], changes, lines, total, UUID.randomUUID(),
					Instant.now(), String.join("\",\"", departments));
	}

	/** platform's CloudEventHeaders.of, header for header. */
	static ProducerRecord<String, byte[]> record(String topic, String key, String type, long sequence, String payload) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload.getBytes(StandardCharsets.UTF_8));
		String id = UUID.randomUUID().toString();
		header(record, "ce_id", id);
		header(record, "ce_source", "/chairside/" + (topic.equals(ORDERS) ? "order-service" : "lead-service"));
		header(record, "ce_specversion", "1.0");
		header(record, "ce_type", type);
		header(record, "ce_subject", key);
		header(record, "ce_time", Instant.now().toString());
		header(record, "content-type", "application/json");
		header(record, "ce_dataschema", "https://chairside.example/contracts/events/" + type + ".schema.json");
		header(record, "ce_sequence", Long.toString(sequence));
		header(record, "ce_correlationid", id);
		header(record, "traceparent", "00-" + UUID.randomUUID().toString().replace("-", "") + "-"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "-01");
		return record;
	}

	private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
		record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<String> ids(int count) {
		List<String> ids = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			ids.add(UUID.randomUUID().toString());
		}
		return ids;
	}

}
