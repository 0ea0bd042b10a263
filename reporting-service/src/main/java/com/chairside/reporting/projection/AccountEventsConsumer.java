package com.chairside.reporting.projection;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Consumes {@code chairside.accounts} (group {@code reporting-service}) into the live projections of its events. */
@Configuration(proxyBeanMethods = false)
class AccountEventsConsumer {

	@Bean
	Consumer<Message<List<byte[]>>> accountEvents(LiveProjections live) {
		return live.consumer("accountEvents", "chairside.accounts");
	}

}
