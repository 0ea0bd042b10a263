package com.chairside.reporting.orders;

import java.math.BigDecimal;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

import com.chairside.platform.inbox.EventHandlers;
import com.chairside.platform.inbox.PoisonMessageException;
import com.chairside.reporting.projection.Projector;

/** Consumes {@code chairside.orders} (group {@code reporting-service}) into order figures. */
@Configuration(proxyBeanMethods = false)
class OrderProjection {

	private static final java.util.Set<String> COUNTED = java.util.Set.of("OrderPlaced", "OrderChanged", "OrderCancelled");

	/** The fields of order events the figures read. */
	record OrderFacts(String region, String accountId, Money total) {
	}

	record Money(BigDecimal amount, String currency) {
	}

	@Bean
	Consumer<Message<byte[]>> orderEvents(EventHandlers handlers, Projector projector) {
		return handlers.consumer("reporting-service.orderEvents", (event) -> {
			if (!COUNTED.contains(event.name())) {
				return; // drafts, fulfilment steps and delivery watch events count in no figure here yet
			}
			OrderFacts order = event.dataAs(OrderFacts.class, handlers.json());
			if (order.region() == null || order.total() == null || order.total().amount() == null) {
				throw new PoisonMessageException(event.type() + " " + event.id() + " lacks region or total");
			}
			Update update = new Update().set("region", order.region()).set("accountId", order.accountId());
			switch (event.name()) {
				case "OrderPlaced" -> update.set("placed", true).set("cancelled", false)
					.set("total", order.total().amount().toPlainString()).set("currency", order.total().currency());
				case "OrderChanged" -> update.inc("changes", 1)
					.set("total", order.total().amount().toPlainString()).set("currency", order.total().currency());
				case "OrderCancelled" -> update.set("cancelled", true);
				default -> {
					return;
				}
			}
			projector.apply(event, update, OrderFigures.class);
		});
	}

}
