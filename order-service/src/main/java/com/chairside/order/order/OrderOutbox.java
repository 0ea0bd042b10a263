package com.chairside.order.order;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.chairside.platform.outbox.OutboxSource;

/** Order events leave from the {@code orders} collection to {@code chairside.orders}. */
@Configuration(proxyBeanMethods = false)
class OrderOutbox {

	@Bean
	OutboxSource orderEvents() {
		return new OutboxSource("orders", "chairside.orders");
	}

}
