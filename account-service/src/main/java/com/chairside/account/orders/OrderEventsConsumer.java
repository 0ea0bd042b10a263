package com.chairside.account.orders;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.chairside.account.account.AccountManagement;
import com.chairside.platform.inbox.EventHandlers;
import com.chairside.platform.inbox.PoisonMessageException;

/**
 * Consumes {@code chairside.orders} (group {@code account-service}): an account's first confirmed order makes it a
 * customer, and a dormant account's next one a customer again. Redeliveries change nothing (the account remembers the
 * orders it has seen). A confirmation for an account not opened here yet fails, so the binder retries it and, after
 * its bounded retries, dead-letters it.
 */
@Configuration(proxyBeanMethods = false)
class OrderEventsConsumer {

	@Bean
	Consumer<Message<byte[]>> orderEvents(EventHandlers handlers, AccountManagement accounts) {
		return handlers.consumer("account-service.orderEvents", (event) -> {
			if (!event.name().equals("OrderConfirmed")) {
				return; // the other order events change no account
			}
			ConfirmedOrder order = event.dataAs(ConfirmedOrder.class, handlers.json());
			if (order.accountId() == null || order.orderId() == null) {
				throw new PoisonMessageException("OrderConfirmed " + event.id() + " lacks orderId or accountId");
			}
			if (!accounts.orderConfirmed(order.accountId(), order.orderId(), order.confirmedAt())) {
				throw new IllegalStateException("OrderConfirmed " + event.id() + " names account " + order.accountId()
						+ ", which is not open here (yet)");
			}
		});
	}

}
