package com.chairside.reporting.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import com.chairside.platform.inbox.EventHandlers;
import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.reporting.projection.Projector.Sequenced;

/**
 * The live consumers' work (group {@code reporting-service}, one binding per topic, each declared by its
 * {@code <Topic>EventsConsumer}, each in batch mode): a poll at a time, each event turned into its write to every
 * projection of its topic, then each projection's writes applied together, into the collection that projection
 * currently answers from: one store round per projection and poll ({@link Projector#applyLive}).
 */
@Component
class LiveProjections {

	private final EventHandlers handlers;

	private final Projections projections;

	private final Projector projector;

	private final ActiveCollections active;

	LiveProjections(EventHandlers handlers, Projections projections, Projector projector, ActiveCollections active) {
		this.handlers = handlers;
		this.projections = projections;
		this.projector = projector;
		this.active = active;
	}

	/** The consumer of binding {@code <binding>-in-0}, which reads {@code topic} a poll at a time. */
	Consumer<Message<List<byte[]>>> consumer(String binding, String topic) {
		return this.handlers.batchConsumer("reporting-service." + binding, (event) -> writesOf(event, topic),
				this::apply);
	}

	/** What the event changes in each projection of its topic; a poison message names the event at fault. */
	private List<Projected> writesOf(IncomingEvent event, String topic) {
		List<Projected> writes = new ArrayList<>();
		for (Projection projection : this.projections.ofTopic(topic)) {
			ProjectionWrite write = projection.writeFor(event, this.handlers.json());
			if (write != null) {
				writes.add(new Projected(projection, new Sequenced(write, event.sequence(), event.id())));
			}
		}
		return writes;
	}

	private void apply(List<List<Projected>> poll) {
		Map<Projection, List<Sequenced>> byProjection = new LinkedHashMap<>();
		poll.forEach((event) -> event
			.forEach((w) -> byProjection.computeIfAbsent(w.projection(), (p) -> new ArrayList<>()).add(w.write())));
		byProjection.forEach((projection, writes) -> this.projector.applyLive(writes, projection.document(),
				this.active.forWrite(projection)));
	}

	/** One event's write to one projection. */
	private record Projected(Projection projection, Sequenced write) {
	}

}
