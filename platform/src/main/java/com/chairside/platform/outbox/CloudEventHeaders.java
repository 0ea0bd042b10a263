package com.chairside.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/** The CloudEvents 1.0 Kafka protocol binding in binary mode: attributes as {@code ce_} headers, raw UTF-8. */
public final class CloudEventHeaders {

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

	private CloudEventHeaders() {
	}

	static List<Header> of(PendingEvent event, String source) {
		List<Header> headers = new ArrayList<>();
		add(headers, ID, event.eventId());
		add(headers, SOURCE, source);
		add(headers, SPEC_VERSION, "1.0");
		add(headers, TYPE, event.type());
		add(headers, SUBJECT, event.subject());
		add(headers, TIME, event.time().toString());
		add(headers, CONTENT_TYPE, "application/json");
		add(headers, DATA_SCHEMA, event.dataSchema());
		add(headers, SEQUENCE, Long.toString(event.sequence()));
		add(headers, CORRELATION_ID, event.correlationId());
		add(headers, CAUSATION_ID, event.causationId());
		add(headers, TRACEPARENT, event.traceparent());
		return headers;
	}

	private static void add(List<Header> headers, String name, String value) {
		if (value != null) {
			headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
		}
	}

}
