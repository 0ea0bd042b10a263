package com.chairside.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import com.chairside.platform.outbox.CloudEventHeaders;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A CloudEvent as a consumer reads it: the attributes it needs for dedupe and ordering, and the payload as a tree for
 * the consumer's own tolerant-reader record.
 */
public record IncomingEvent(String id, String type, String subject, long sequence, Instant time,
		String correlationId, String traceparent, JsonNode data) {

	/** The event name without aggregate and version: {@code OrderChanged} for {@code chairside.order.OrderChanged.v1}. */
	public String name() {
		String[] parts = this.type.split("\\.");
		return (parts.length >= 4) ? parts[parts.length - 2] : this.type;
	}

	public <T> T dataAs(Class<T> type, JsonMapper json) {
		try {
			return json.treeToValue(this.data, type);
		}
		catch (JacksonException ex) {
			throw new PoisonMessageException("Payload of " + this.type + " " + this.id + " does not fit "
					+ type.getSimpleName() + ": " + ex.getOriginalMessage(), ex);
		}
	}

	/** Reads the binary-mode CloudEvent; anything that is not one is a poison message. */
	public static IncomingEvent from(Message<?> message, JsonMapper json) {
		MessageHeaders headers = message.getHeaders();
		String id = header(headers, CloudEventHeaders.ID);
		String type = header(headers, CloudEventHeaders.TYPE);
		String subject = header(headers, CloudEventHeaders.SUBJECT);
		if (id == null || type == null || subject == null) {
			throw new PoisonMessageException("Not a CloudEvent: ce_id, ce_type and ce_subject are required");
		}
		long sequence;
		Instant time;
		try {
			String s = header(headers, CloudEventHeaders.SEQUENCE);
			sequence = (s != null) ? Long.parseLong(s) : 0;
			String t = header(headers, CloudEventHeaders.TIME);
			time = (t != null) ? Instant.parse(t) : Instant.now();
		}
		catch (RuntimeException ex) {
			throw new PoisonMessageException("Malformed ce_sequence or ce_time on " + id, ex);
		}
		JsonNode data;
		try {
			Object payload = message.getPayload();
			String text = (payload instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : payload.toString();
			data = json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new PoisonMessageException("Payload of " + type + " " + id + " is not JSON", ex);
		}
		if (data == null || !data.isObject()) {
			throw new PoisonMessageException("Payload of " + type + " " + id + " is not a JSON object");
		}
		return new IncomingEvent(id, type, subject, sequence, time, header(headers, CloudEventHeaders.CORRELATION_ID),
				header(headers, CloudEventHeaders.TRACEPARENT), data);
	}

	/** Header values arrive as raw bytes from other producers and as strings from Spring's mapper: accept both. */
	static String header(MessageHeaders headers, String name) {
		Object value = headers.get(name);
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return (value != null) ? value.toString() : null;
	}

}
