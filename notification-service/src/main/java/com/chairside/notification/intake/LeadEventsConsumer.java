package com.chairside.notification.intake;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.chairside.platform.inbox.EventHandlers;

/** Consumes {@code chairside.leads} (group {@code notification-service}): assignments are routed like any event. */
@Configuration(proxyBeanMethods = false)
class LeadEventsConsumer {

	@Bean
	Consumer<Message<byte[]>> leadEvents(EventHandlers handlers, EventIntake intake) {
		return handlers.consumer("notification-service.leadEvents", (event) -> intake.accept(event, handlers.json()));
	}

}
