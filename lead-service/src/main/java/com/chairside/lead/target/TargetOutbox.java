package com.chairside.lead.target;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.chairside.platform.outbox.OutboxSource;

/** Target events leave from the {@code targets} collection to their own topic, {@code chairside.targets}. */
@Configuration(proxyBeanMethods = false)
class TargetOutbox {

	@Bean
	OutboxSource targetEvents() {
		return new OutboxSource("targets", "chairside.targets");
	}

}
