package com.chairside.lead.lead;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.chairside.platform.outbox.OutboxSource;

/** Lead events leave from the {@code leads} collection to {@code chairside.leads}. */
@Configuration(proxyBeanMethods = false)
class LeadOutbox {

	@Bean
	OutboxSource leadEvents() {
		return new OutboxSource("leads", "chairside.leads");
	}

}
