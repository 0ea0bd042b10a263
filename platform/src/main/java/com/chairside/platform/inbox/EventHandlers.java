package com.chairside.platform.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import com.chairside.platform.outbox.EventFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the Spring Cloud Stream consumers of a service: each reads the CloudEvent and records it as the cause of
 * anything it raises. The binder's observation has already continued the event's trace (its {@code traceparent}) in
 * a consumer span, so the handler's log lines, store commands and raised events belong to that trace. While
 * the service's store is away, the event waits for it, whatever the outage lasts, rather than going to the dead-letter
 * topic: the listener container runs it again with growing pauses ({@link InboxErrorHandling}).
 * <p>
 * A batch consumer ({@link #batchConsumer}) takes a whole poll and writes it in one store round, with the same
 * outcomes per event: each event in a consumer span of its own, a poison message dead-lettered alone, the events
 * before it handled and those after it delivered again, a store outage waited out.
 */
public class EventHandlers {

	private static final Logger log = LoggerFactory.getLogger(EventHandlers.class);

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final ObservationRegistry observations;

	public EventHandlers(JsonMapper json, MeterRegistry meters) {
		this(json, meters, ObservationRegistry.NOOP);
	}

	public EventHandlers(JsonMapper json, MeterRegistry meters, ObservationRegistry observations) {
		this.json = json;
		this.meters = meters;
		this.observations = observations;
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
				throw poison(consumer, null, ex);
			}
			try {
				log.debug("{}: {} {} seq {}", consumer, event.type(), event.subject(), event.sequence());
				EventFactory.handling(event.id(), (event.correlationId() != null) ? event.correlationId() : event.id(),
						() -> handle(consumer, event, handler));
				this.meters.counter("chairside.inbox.handled", "consumer", consumer, "type", event.name()).increment();
			}
			catch (PoisonMessageException ex) {
				throw poison(consumer, event, ex);
			}
		};
	}

	/**
	 * A consumer bean for a binding in batch mode ({@code spring.cloud.stream.bindings.<binding>.consumer.batch-mode:
	 * true}): the records of one poll, each with its headers in {@link KafkaHeaders#BATCH_CONVERTED_HEADERS}.
	 * <p>
	 * Each event is read and {@code prepare}d in turn, in a consumer span of its own that continues its
	 * {@code traceparent} (the binder makes none per record in batch mode) and as the cause of what it raises; then
	 * {@code write} takes all that was prepared, in one go: one store round per poll, not per event, in the first event's
	 * span. {@code prepare} reads at most and decides (a {@link PoisonMessageException} names the event that cannot be
	 * handled); {@code write} records the effects, each keyed so that a second write of an event adds nothing, and
	 * raises no events (their cause would be the whole batch).
	 * <ul>
	 * <li>An event that cannot be read or prepared stops the batch there: those before it are written, and its index is
	 * reported to the listener container ({@link BatchListenerFailedException}), which commits them, treats that one
	 * as the per-record path would (a poison message dead-lettered at once, anything else tried again, then
	 * dead-lettered) and delivers the ones after it again.</li>
	 * <li>A store that cannot be reached is reported against the first event not yet written, so the container runs
	 * it and the rest again for as long as the outage lasts, never dead-lettering them.</li>
	 * <li>A write that fails otherwise is done again event by event, each in its own span, so that exactly the event
	 * at fault is reported and those before it are written.</li>
	 * </ul>
	 */
	public <T> Consumer<Message<List<byte[]>>> batchConsumer(String consumer, Function<IncomingEvent, T> prepare,
			Consumer<List<T>> write) {
		return message -> {
			List<byte[]> payloads = message.getPayload();
			List<MessageHeaders> headers = recordHeaders(message, payloads.size());
			List<IncomingEvent> events = new ArrayList<>(payloads.size());
			List<Observation> spans = new ArrayList<>(payloads.size());
			List<T> prepared = new ArrayList<>(payloads.size());
			RuntimeException stop = null;
			try {
				for (int i = 0; i < payloads.size() && stop == null; i++) {
					stop = prepare(consumer, payloads.get(i), headers.get(i), prepare, events, spans, prepared);
				}
				write(consumer, events, spans, prepared, write);
			}
			finally {
				spans.forEach(Observation::stop);
			}
			if (stop != null) {
				throw new BatchListenerFailedException(consumer + ": record " + events.size() + " of the batch failed",
						stop, events.size());
			}
		};
	}

	/** Reads and prepares one record; returns the failure that stops the batch at it, else {@code null}. */
	private <T> RuntimeException prepare(String consumer, byte[] payload, MessageHeaders headers,
			Function<IncomingEvent, T> prepare, List<IncomingEvent> events, List<Observation> spans, List<T> prepared) {
		Observation span = Observation.createNotStarted("chairside.inbox.event", () -> receiving(headers),
				this.observations)
			.contextualName(consumer + " receive")
			.lowCardinalityKeyValue("consumer", consumer)
			.start();
		IncomingEvent event = null;
		try (Observation.Scope scope = span.openScope()) {
			event = IncomingEvent.from(MessageBuilder.createMessage(payload, headers), this.json);
			IncomingEvent read = event;
			log.debug("{}: {} {} seq {}", consumer, event.type(), event.subject(), event.sequence());
			List<T> one = new ArrayList<>(1);
			EventFactory.handling(event.id(), correlationOf(event), () -> one.add(prepare.apply(read)));
			events.add(event);
			spans.add(span);
			prepared.add(one.get(0));
			return null;
		}
		catch (RuntimeException ex) {
			span.error(ex);
			span.stop();
			if (ex instanceof PoisonMessageException poison) {
				return poison(consumer, event, poison);
			}
			if (InboxErrorHandling.storeUnavailable(ex)) {
				return storeUnavailable(consumer, event, ex);
			}
			return ex;
		}
	}

	/**
	 * Writes what was prepared, all at once, in the first event's span; a store outage is reported against the first
	 * event, any other failure makes it write event by event.
	 */
	private <T> void write(String consumer, List<IncomingEvent> events, List<Observation> spans, List<T> prepared,
			Consumer<List<T>> write) {
		if (prepared.isEmpty()) {
			return;
		}
		try (Observation.Scope scope = spans.get(0).openScope()) {
			write.accept(prepared);
		}
		catch (RuntimeException ex) {
			if (InboxErrorHandling.storeUnavailable(ex)) {
				throw new BatchListenerFailedException(consumer + ": store unavailable",
						storeUnavailable(consumer, events.get(0), ex), 0);
			}
			log.debug("{}: the batch of {} could not be written at once ({}); event by event", consumer,
					prepared.size(), ex.toString());
			for (int i = 0; i < prepared.size(); i++) {
				writeOne(consumer, i, events.get(i), spans.get(i), prepared.get(i), write);
				handled(consumer, events.get(i));
			}
			return;
		}
		events.forEach((event) -> handled(consumer, event));
	}

	private void handled(String consumer, IncomingEvent event) {
		this.meters.counter("chairside.inbox.handled", "consumer", consumer, "type", event.name()).increment();
	}

	private <T> void writeOne(String consumer, int index, IncomingEvent event, Observation span, T prepared,
			Consumer<List<T>> write) {
		try (Observation.Scope scope = span.openScope()) {
			EventFactory.handling(event.id(), correlationOf(event), () -> write.accept(List.of(prepared)));
		}
		catch (RuntimeException ex) {
			span.error(ex);
			RuntimeException failure = (ex instanceof PoisonMessageException poison) ? poison(consumer, event, poison)
					: InboxErrorHandling.storeUnavailable(ex) ? storeUnavailable(consumer, event, ex) : ex;
			throw new BatchListenerFailedException(consumer + ": record " + index + " of the batch failed", failure,
					index);
		}
	}

	/** Each record's headers, as the binder's converter gives them in batch mode. */
	@SuppressWarnings("unchecked")
	private static List<MessageHeaders> recordHeaders(Message<List<byte[]>> message, int records) {
		Object converted = message.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
		if (!(converted instanceof List<?> list) || list.size() != records) {
			throw new IllegalStateException("A batch without each record's headers (" + KafkaHeaders.BATCH_CONVERTED_HEADERS
					+ "): is the binding in batch mode?");
		}
		List<MessageHeaders> headers = new ArrayList<>(records);
		for (Object each : list) {
			headers.add(new MessageHeaders((Map<String, Object>) each));
		}
		return headers;
	}

	/** A consumer span continuing the trace the record's {@code traceparent} names. */
	private static ReceiverContext<MessageHeaders> receiving(MessageHeaders headers) {
		ReceiverContext<MessageHeaders> context = new ReceiverContext<>(IncomingEvent::header);
		context.setCarrier(headers);
		context.setRemoteServiceName("kafka");
		return context;
	}

	private static String correlationOf(IncomingEvent event) {
		return (event.correlationId() != null) ? event.correlationId() : event.id();
	}

	private PoisonMessageException poison(String consumer, IncomingEvent event, PoisonMessageException ex) {
		this.meters.counter("chairside.inbox.poison", "consumer", consumer).increment();
		if (event != null) {
			log.warn("{}: poison message {}, sent to the dead-letter topic: {}", consumer, event.id(), ex.getMessage());
		}
		else {
			log.warn("{}: poison message, sent to the dead-letter topic: {}", consumer, ex.getMessage());
		}
		return ex;
	}

	private RuntimeException storeUnavailable(String consumer, IncomingEvent event, RuntimeException ex) {
		this.meters.counter("chairside.inbox.store_unavailable", "consumer", consumer).increment();
		log.warn("{}: store unavailable while handling {}; the event waits for it: {}", consumer,
				(event != null) ? event.id() : "a batch", mostSpecific(ex));
		return ex;
	}

	private static String mostSpecific(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.toString();
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
			throw storeUnavailable(consumer, event, ex);
		}
	}

}
