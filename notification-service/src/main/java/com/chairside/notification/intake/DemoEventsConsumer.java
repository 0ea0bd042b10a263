package com.chairside.notification.intake;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.chairside.notification.reminders.Reminders;
import com.chairside.platform.inbox.EventHandlers;

/** Consumes {@code chairside.demos} (group {@code notification-service}): the demos to remind their people of. */
@Configuration(proxyBeanMethods = false)
class DemoEventsConsumer {

	@Bean
	Consumer<Message<byte[]>> demoEvents(EventHandlers handlers, Reminders reminders) {
		return handlers.consumer("notification-service.demoEvents", (event) -> reminders.demo(event, handlers.json()));
	}

}
