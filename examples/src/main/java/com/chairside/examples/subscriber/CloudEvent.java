package com.chairside.examples.subscriber;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One Chairside event as a Kafka record carries it: CloudEvents 1.0 in binary mode, so the attributes are record
 * headers ({@code ce_id}, {@code ce_type}, ..., raw UTF-8 text, named in {@code components.schemas.CloudEventHeaders}
 * of the contract's {@code asyncapi.yaml}) and the JSON payload is the record value.
 *
 * @param topic where it was read, e.g. {@code chairside.orders}
 * @param partition the partition it was read from
 * @param offset its offset there
 * @param key the record key: the aggregate id, equal to {@code ce_subject}
 * @param headers every header of the record, by name (the last one of a name wins)
 * @param data the payload, JSON as published
 */
public record CloudEvent(String topic, int partition, long offset, String key, Map<String, String> headers,
		String data) {

	public static final String ID = "ce_id";

	public static final String SOURCE = "ce_source";

	public static final String TYPE = "ce_type";

	public static final String SUBJECT = "ce_subject";

	public static final String TIME = "ce_time";

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String DATA_SCHEMA = "ce_dataschema";

	public static final String SEQUENCE = "ce_sequence";

	public static final String CORRELATION_ID = "ce_correlationid";

	public static final String CAUSATION_ID = "ce_causationid";

	public static final String TRACEPARENT = "traceparent";

	public static final String CONTENT_TYPE = "content-type";

	public CloudEvent {
		headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
	}

	static CloudEvent of(ConsumerRecord<String, String> record) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.key(), (header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null);
		}
		return new CloudEvent(record.topic(), record.partition(), record.offset(), record.key(), headers,
				record.value());
	}

	/** The event's unique id (a UUID): a redelivered or re-sent duplicate has the same one. */
	public String id() {
		return this.headers.get(ID);
	}

	/** {@code chairside.<aggregate>.<EventName>.v<N>}, e.g. {@code chairside.order.OrderChanged.v1}. */
	public String type() {
		return this.headers.get(TYPE);
	}

	/** The producing service, e.g. {@code /chairside/order-service}. */
	public String source() {
		return this.headers.get(SOURCE);
	}

	/** The aggregate id. */
	public String subject() {
		return this.headers.get(SUBJECT);
	}

	/** The aggregate's version after this change: a projection applies an event only if it is newer. */
	public long sequence() {
		String sequence = this.headers.get(SEQUENCE);
		return (sequence != null) ? Long.parseLong(sequence) : 0;
	}

	/** When the change happened. */
	public Instant time() {
		String time = this.headers.get(TIME);
		return (time != null) ? Instant.parse(time) : null;
	}

	/** The {@code $id} of the payload's JSON Schema. */
	public String dataSchema() {
		return this.headers.get(DATA_SCHEMA);
	}

	/** Shared by every event of one business interaction; absent when there is none. */
	public String correlationId() {
		return this.headers.get(CORRELATION_ID);
	}

}
