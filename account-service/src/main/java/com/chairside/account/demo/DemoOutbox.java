package com.chairside.account.demo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.chairside.platform.outbox.OutboxSource;

/** Demo events leave from the {@code demos} collection to {@code chairside.demos}, keyed by demo id. */
@Configuration(proxyBeanMethods = false)
class DemoOutbox {

	@Bean
	OutboxSource demoEvents() {
		return new OutboxSource("demos", "chairside.demos");
	}

}
