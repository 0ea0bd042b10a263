package com.chairside.platform.outbox;

import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The trace an event was raised in, resumed around its send: the {@code traceparent} stored with the pending event is
 * the parent of a short relay span, under which the relay template's producer observation writes the record's own
 * {@code traceparent}. So the producer span, and the consumers' spans after it, join the trace of the request or event
 * that raised the event, however much later the relay (or another replica's sweep) publishes it.
 */
final class StoredTrace {

	private final Tracer tracer;

	private final Propagator propagator;

	StoredTrace(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	<T> T resumed(PendingEvent event, Supplier<T> send) {
		if (event.traceparent() == null) {
			return send.get();
		}
		Span span = this.propagator
			.extract(Map.of(CloudEventHeaders.TRACEPARENT, event.traceparent()), Map::get)
			.name("outbox relay")
			.tag("chairside.event.type", event.type())
			.start();
		try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
			return send.get();
		}
		finally {
			span.end();
		}
	}

}
