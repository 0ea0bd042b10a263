package com.chairside.notification.intake;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.chairside.notification.customer.CustomerMails;
import com.chairside.platform.inbox.EventHandlers;

/**
 * Consumes {@code chairside.orders} (group {@code notification-service}): order changes, delivery commitments and
 * approvals are routed to the departments; confirmations and delivery-date changes also owe the practice a mail.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventsConsumer {

	@Bean
	Consumer<Message<byte[]>> orderEvents(EventHandlers handlers, EventIntake intake, CustomerMails customerMails) {
		return handlers.consumer("notification-service.orderEvents", (event) -> {
			intake.accept(event, handlers.json());
			customerMails.orderEvent(event, handlers.json());
		});
	}

}
