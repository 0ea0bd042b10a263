package com.chairside.platform.inbox;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.messaging.Message;

import com.chairside.platform.outbox.EventFactory;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the Spring Cloud Stream consumers of a service: each reads the CloudEvent and records it as the cause of
 * anything it raises. The binder's observation has already continued the event's trace (its {@code traceparent}) in
 * a consumer span, so the handler's log lines, store commands and raised events belong to that trace. While
 * the service's store is away, the event waits for it, whatever the outage lasts, rather than going to the dead-letter
 * topic: the listener container runs it again with growing pauses ({@link InboxErrorHandling}).
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
			try {
				log.debug("{}: {} {} seq {}", consumer, event.type(), event.subject(), event.sequence());
				EventFactory.handling(event.id(), (event.correlationId() != null) ? event.correlationId() : event.id(),
						() -> handle(consumer, event, handler));
				this.meters.counter("chairside.inbox.handled", "consumer", consumer, "type", event.name()).increment();
			}
			catch (PoisonMessageException ex) {
				this.meters.counter("chairside.inbox.poison", "consumer", consumer).increment();
				log.warn("{}: poison message {}, sent to the dead-letter topic: {}", consumer, event.id(), ex.getMessage());
				throw ex;
			}
		};
	}

	/**
	 * Runs the handler; a store that cannot be reached is counted and named here, and its exception left to the
	 * listener container, which runs the event again once the store answers (see {@link InboxErrorHandling}).
	 */
	private void handle(String consumer, IncomingEvent event, Consumer<IncomingEvent> handler) {
		try {
			handler.accept(event);
		}
		catch (DataAccessResourceFailureException | QueryTimeoutException ex) {
			this.meters.counter("chairside.inbox.store_unavailable", "consumer", consumer).increment();
			log.warn("{}: store unavailable while handling {}; the event waits for it: {}", consumer, event.id(),
					ex.getMostSpecificCause().toString());
			throw ex;
		}
	}

}
