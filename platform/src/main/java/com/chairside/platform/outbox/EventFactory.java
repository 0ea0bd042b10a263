package com.chairside.platform.outbox;

import java.time.Clock;
import java.util.UUID;

import com.chairside.platform.trace.TraceContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a domain event record into a {@link PendingEvent}: names its CloudEvents type after the record's class, fixes
 * the payload as JSON and stamps the trace, correlation and causation of the work that raised it.
 */
public class EventFactory {

	private final JsonMapper json;

	private final Clock clock;

	public EventFactory(JsonMapper json, Clock clock) {
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param aggregate the aggregate's name as it appears in the event type ({@code lead}, {@code order})
	 * @param subject the aggregate id
	 * @param sequence the aggregate's version after the change
	 * @param event a past-tense record, version 1 of its contract
	 */
	public PendingEvent pending(String aggregate, String subject, long sequence, Object event) {
		String name = event.getClass().getSimpleName();
		String type = "chairside." + aggregate + "." + name + ".v1";
		TraceContext trace = TraceContext.current();
		return new PendingEvent(UUID.randomUUID().toString(), type, subject, sequence, this.clock.instant(),
				this.json.writeValueAsString(event), "https://chairside.example/contracts/events/" + type + ".schema.json",
				trace.correlationId(), trace.causationId(), trace.traceparent());
	}

}
