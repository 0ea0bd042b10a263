package com.chairside.reporting.projection;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Consumes {@code chairside.orders} (group {@code reporting-service}) into the live projections of its events. */
@Configuration(proxyBeanMethods = false)
class OrderEventsConsumer {

	@Bean
	Consumer<Message<List<byte[]>>> orderEvents(LiveProjections live) {
		return live.consumer("orderEvents", "chairside.orders");
	}

}
