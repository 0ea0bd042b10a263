package com.chairside.notification.intake;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.chairside.notification.customer.CustomerMails;
import com.chairside.platform.inbox.EventHandlers;

/**
 * Consumes {@code chairside.orders} (group {@code notification-service}): order changes, delivery commitments and
 * approvals are routed to the departments; confirmations and delivery-date changes also owe the practice a mail. The
 * busiest stream this service reads, so it takes a poll at a time (the binding's batch mode): each event routed in
 * its own span, then the notifications of the whole poll recorded together.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventsConsumer {

	@Bean
	Consumer<Message<List<byte[]>>> orderEvents(EventHandlers handlers, EventIntake intake,
			CustomerMails customerMails) {
		return handlers.batchConsumer("notification-service.orderEvents", (event) -> intake.prepare(event, handlers.json()),
				(prepared) -> {
					intake.record(prepared);
					prepared.forEach((each) -> customerMails.orderEvent(each.event(), handlers.json()));
				});
	}

}
