package com.chairside.platform.outbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a domain event record into a {@link PendingEvent}: names its CloudEvents type after the record's class, fixes
 * the payload as JSON and stamps the trace, correlation and causation of the work that raised it.
 * <p>
 * The trace is the current span's W3C {@code traceparent} (the request's server span, a consumed event's consumer
 * span), stored so that the relay resumes it when it publishes ({@link StoredTrace}). While an event is handled the
 * correlation id is the one it carried and the causation id is its own; otherwise the correlation id is the trace id:
 * one conversation, one id.
 */
public class EventFactory {

	private static final ThreadLocal<Cause> CAUSE = new ThreadLocal<>();

	private final JsonMapper json;

	private final Clock clock;

	private final Tracer tracer;

	private final Propagator propagator;

	public EventFactory(JsonMapper json, Clock clock, Tracer tracer, Propagator propagator) {
		this.json = json;
		this.clock = clock;
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * Runs {@code work} as the handling of the event {@code eventId} on this thread: the events it raises name that
	 * event as their cause and keep its correlation id ({@code null}: the trace id).
	 */
	public static void handling(String eventId, String correlationId, Runnable work) {
		Cause before = CAUSE.get();
		CAUSE.set(new Cause(eventId, correlationId));
		try {
			work.run();
		}
		finally {
			if (before != null) {
				CAUSE.set(before);
			}
			else {
				CAUSE.remove();
			}
		}
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
		Cause cause = CAUSE.get();
		Span span = this.tracer.currentSpan();
		Map<String, String> trace = new HashMap<>();
		if (span != null) {
			this.propagator.inject(span.context(), trace, Map::put);
		}
		String correlationId = (cause != null) ? cause.correlationId() : null;
		if (correlationId == null) {
			correlationId = (span != null) ? span.context().traceId() : UUID.randomUUID().toString();
		}
		return new PendingEvent(UUID.randomUUID().toString(), type, subject, sequence, this.clock.instant(),
				this.json.writeValueAsString(event), "https://chairside.example/contracts/events/" + type + ".schema.json",
				correlationId, (cause != null) ? cause.eventId() : null, trace.get(CloudEventHeaders.TRACEPARENT));
	}

	private record Cause(String eventId, String correlationId) {
	}

}
