package com.chairside.order.accounts;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.chairside.platform.inbox.EventHandlers;
import com.chairside.platform.inbox.PoisonMessageException;

/**
 * Consumes {@code chairside.accounts} (group {@code order-service}) into the {@link AccountDirectory}: an
 * {@code AccountOpened} makes the account known, an {@code AccountUpdated} that renames it and an
 * {@code AccountStatusChanged} keep the view current. The other account events say nothing ordering needs (an
 * account's region never changes; its owner is not the order's business).
 */
@Configuration(proxyBeanMethods = false)
class AccountEventsConsumer {

	/** The part of account-service's {@code AccountOpened} that ordering needs. */
	record OpenedAccount(String accountId, String name, String region, String status) {
	}

	/** The part of {@code AccountUpdated} that ordering needs: a new name, if it is among the changes. */
	record UpdatedAccount(String accountId, List<FieldChange> changes) {

		record FieldChange(String field, String from, String to) {
		}

	}

	/** The part of {@code AccountStatusChanged} that ordering needs. */
	record AccountStatus(String accountId, String status) {
	}

	@Bean
	Consumer<Message<byte[]>> accountEvents(EventHandlers handlers, AccountDirectory directory) {
		return handlers.consumer("order-service.accountEvents", (event) -> {
			switch (event.name()) {
				case "AccountOpened" -> {
					OpenedAccount account = event.dataAs(OpenedAccount.class, handlers.json());
					if (account.accountId() == null || account.region() == null) {
						throw new PoisonMessageException("AccountOpened " + event.id() + " lacks accountId or region");
					}
					directory.learn(account.accountId(), account.name(), account.region(), account.status(),
							event.sequence());
				}
				case "AccountUpdated" -> {
					UpdatedAccount account = event.dataAs(UpdatedAccount.class, handlers.json());
					if (account.changes() != null) {
						account.changes().stream()
							.filter((change) -> "name".equals(change.field()) && change.to() != null)
							.forEach((change) -> directory.rename(account.accountId(), change.to(), event.sequence()));
					}
				}
				case "AccountStatusChanged" -> {
					AccountStatus account = event.dataAs(AccountStatus.class, handlers.json());
					directory.statusChanged(account.accountId(), account.status(), event.sequence());
				}
				default -> {
					// not about what ordering needs
				}
			}
		});
	}

}
