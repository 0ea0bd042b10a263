package com.chairside.platform.inbox;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.messaging.Message;

import com.chairside.platform.trace.TraceContext;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the Spring Cloud Stream consumers of a service: each reads the CloudEvent, continues its trace (so the log
 * lines of the effect carry the producer's trace id) and records the event as the cause of anything it raises.
 */
public class EventHandlers {

	private static final Logger log = LoggerFactory.getLogger(EventHandlers.class);

	private final JsonMapper json;

	private final MeterRegistry meters;

	public EventHandlers(JsonMapper json, MeterRegistry meters) {
		this.json = json;
		this.meters = meters;
	}

	public JsonMapper json() {
		return this.json;
	}

	/** A consumer bean for the binder; {@code consumer} names it in logs and metrics. */
	public Consumer<Message<byte[]>> consumer(String consumer, Consumer<IncomingEvent> handler) {
		return message -> {
			IncomingEvent event;
			try {
				event = IncomingEvent.from(message, this.json);
			}
			catch (PoisonMessageException ex) {
				this.meters.counter("chairside.inbox.poison", "consumer", consumer).increment();
				log.warn("{}: poison message, sent to the dead-letter topic: {}", consumer, ex.getMessage());
				throw ex;
			}
			TraceContext.open(new TraceContext(TraceContext.newTraceparent(event.traceparent()),
					(event.correlationId() != null) ? event.correlationId() : event.id(), event.id()));
			try {
				log.debug("{}: {} {} seq {}", consumer, event.type(), event.subject(), event.sequence());
				handler.accept(event);
				this.meters.counter("chairside.inbox.handled", "consumer", consumer, "type", event.name()).increment();
			}
			catch (PoisonMessageException ex) {
				this.meters.counter("chairside.inbox.poison", "consumer", consumer).increment();
				log.warn("{}: poison message {}, sent to the dead-letter topic: {}", consumer, event.id(), ex.getMessage());
				throw ex;
			}
			finally {
				TraceContext.close();
			}
		};
	}

}
