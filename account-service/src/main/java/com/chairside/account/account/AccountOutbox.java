package com.chairside.account.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.chairside.platform.outbox.OutboxSource;

/** Account events leave from the {@code accounts} collection to {@code chairside.accounts}. */
@Configuration(proxyBeanMethods = false)
class AccountOutbox {

	@Bean
	OutboxSource accountEvents() {
		return new OutboxSource("accounts", "chairside.accounts");
	}

}
