package com.chairside.order.accounts;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.chairside.platform.inbox.EventHandlers;
import com.chairside.platform.inbox.PoisonMessageException;

/** Consumes {@code chairside.accounts} (group {@code order-service}) into the {@link AccountDirectory}. */
@Configuration(proxyBeanMethods = false)
class AccountOpenedConsumer {

	/** The part of account-service's {@code AccountOpened} that ordering needs. */
	record OpenedAccount(String accountId, String name, String region) {
	}

	@Bean
	Consumer<Message<byte[]>> accountEvents(EventHandlers handlers, AccountDirectory directory) {
		return handlers.consumer("order-service.accountEvents", (event) -> {
			if (!event.name().equals("AccountOpened")) {
				return;
			}
			OpenedAccount account = event.dataAs(OpenedAccount.class, handlers.json());
			if (account.accountId() == null || account.region() == null) {
				throw new PoisonMessageException("AccountOpened " + event.id() + " lacks accountId or region");
			}
			directory.learn(account.accountId(), account.name(), account.region(), event.sequence());
		});
	}

}
