package com.chairside.reporting.projection;

import java.util.function.Consumer;

import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import com.chairside.platform.inbox.EventHandlers;

/**
 * The live consumers' work (group {@code reporting-service}, one binding per topic, each declared by its
 * {@code <Topic>EventsConsumer}): each event goes to every projection of its topic, into the collection that projection
 * currently answers from.
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

	/** The consumer of binding {@code <binding>-in-0}, which reads {@code topic}. */
	Consumer<Message<byte[]>> consumer(String binding, String topic) {
		return this.handlers.consumer("reporting-service." + binding, (event) -> {
			for (Projection projection : this.projections.ofTopic(topic)) {
				ProjectionWrite write = projection.writeFor(event, this.handlers.json());
				if (write != null) {
					this.projector.apply(event, write, projection.document(), this.active.forWrite(projection));
				}
			}
		});
	}

}
