package com.chairside.reporting.projection;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.chairside.platform.inbox.EventHandlers;

/**
 * The live consumers (group {@code reporting-service}), one binding per topic: each event goes to every projection
 * of its topic, into the collection that projection currently answers from.
 */
@Configuration(proxyBeanMethods = false)
class LiveProjections {

	@Bean
	Consumer<Message<byte[]>> leadEvents(EventHandlers handlers, Projections projections, Projector projector,
			ActiveCollections active) {
		return consumer("leadEvents", "chairside.leads", handlers, projections, projector, active);
	}

	@Bean
	Consumer<Message<byte[]>> accountEvents(EventHandlers handlers, Projections projections, Projector projector,
			ActiveCollections active) {
		return consumer("accountEvents", "chairside.accounts", handlers, projections, projector, active);
	}

	@Bean
	Consumer<Message<byte[]>> demoEvents(EventHandlers handlers, Projections projections, Projector projector,
			ActiveCollections active) {
		return consumer("demoEvents", "chairside.demos", handlers, projections, projector, active);
	}

	@Bean
	Consumer<Message<byte[]>> orderEvents(EventHandlers handlers, Projections projections, Projector projector,
			ActiveCollections active) {
		return consumer("orderEvents", "chairside.orders", handlers, projections, projector, active);
	}

	@Bean
	Consumer<Message<byte[]>> targetEvents(EventHandlers handlers, Projections projections, Projector projector,
			ActiveCollections active) {
		return consumer("targetEvents", "chairside.targets", handlers, projections, projector, active);
	}

	private static Consumer<Message<byte[]>> consumer(String binding, String topic, EventHandlers handlers,
			Projections projections, Projector projector, ActiveCollections active) {
		return handlers.consumer("reporting-service." + binding, (event) -> {
			for (Projection projection : projections.ofTopic(topic)) {
				ProjectionWrite write = projection.writeFor(event, handlers.json());
				if (write != null) {
					projector.apply(event, write, projection.document(), active.forWrite(projection));
				}
			}
		});
	}

}
