package com.chairside.platform.inbox;

import java.time.Duration;
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
 * the service's store is away, a handler waits for it rather than letting the binder's few retries send a good event
 * to the dead-letter topic.
 */
public class EventHandlers {

	private static final Logger log = LoggerFactory.getLogger(EventHandlers.class);

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final Duration storeOutageTolerance;

	public EventHandlers(JsonMapper json, MeterRegistry meters, Duration storeOutageTolerance) {
		this.json = json;
		this.meters = meters;
		this.storeOutageTolerance = storeOutageTolerance;
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
						() -> handleOnceTheStoreAnswers(consumer, event, handler));
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
	 * Runs the handler, and again with growing pauses while the store cannot be reached, up to the outage tolerance:
	 * the partition waits (its order kept) instead of dead-lettering events that did nothing wrong. The consumer's
	 * poll interval (5 min) bounds the tolerance.
	 */
	private void handleOnceTheStoreAnswers(String consumer, IncomingEvent event, Consumer<IncomingEvent> handler) {
		long giveUpAt = System.nanoTime() + this.storeOutageTolerance.toNanos();
		long pause = 250;
		while (true) {
			try {
				handler.accept(event);
				return;
			}
			catch (DataAccessResourceFailureException | QueryTimeoutException ex) {
				if (System.nanoTime() > giveUpAt) {
					throw ex;
				}
				this.meters.counter("chairside.inbox.store_unavailable", "consumer", consumer).increment();
				log.warn("{}: store unavailable while handling {}; waiting {} ms for it: {}", consumer, event.id(), pause,
						ex.getMostSpecificCause().toString());
				try {
					Thread.sleep(pause);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
				pause = Math.min(pause * 2, 4000);
			}
		}
	}

}
