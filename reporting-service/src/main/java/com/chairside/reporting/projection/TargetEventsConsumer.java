package com.chairside.reporting.projection;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Consumes {@code chairside.targets} (group {@code reporting-service}) into the live projections of its events. */
@Configuration(proxyBeanMethods = false)
class TargetEventsConsumer {

	@Bean
	Consumer<Message<List<byte[]>>> targetEvents(LiveProjections live) {
		return live.consumer("targetEvents", "chairside.targets");
	}

}
