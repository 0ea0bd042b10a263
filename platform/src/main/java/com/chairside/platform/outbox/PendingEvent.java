package com.chairside.platform.outbox;

import java.time.Instant;

/**
 * An event not yet published, stored inside its aggregate's document so that it is written in the same single-document
 * save as the state change that raised it.
 *
 * @param eventId the CloudEvents id, also the consumers' dedupe key
 * @param type the CloudEvents type, e.g. {@code chairside.order.OrderChanged.v1}
 * @param subject the aggregate id, also the Kafka record key
 * @param sequence the aggregate's version after the change
 * @param data the JSON payload exactly as it will be published
 */
public record PendingEvent(String eventId, String type, String subject, long sequence, Instant time, String data,
		String dataSchema, String correlationId, String causationId, String traceparent) {
}
