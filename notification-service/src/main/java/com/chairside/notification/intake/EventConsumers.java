package com.chairside.notification.intake;

import java.util.Set;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.chairside.notification.accounts.AccountDirectory;
import com.chairside.notification.customer.CustomerMails;
import com.chairside.notification.reminders.Reminders;
import com.chairside.platform.inbox.EventHandlers;

/**
 * The topics this service reads, each in group {@code notification-service}: {@code chairside.orders} (order changes,
 * delivery commitments, approvals), {@code chairside.leads} (assignments), {@code chairside.accounts} (names, owners,
 * resellers, channel conflicts, next steps of activities, order-mail recipients) and {@code chairside.demos} (demos
 * to remind of). Order confirmations and delivery-date changes also owe the practice a mail.
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

	private static final Set<String> ACCOUNT_CARD = Set.of("AccountOpened", "AccountUpdated", "AccountOwnerChanged");

	@Bean
	Consumer<Message<byte[]>> orderEvents(EventHandlers handlers, EventIntake intake, CustomerMails customerMails) {
		return handlers.consumer("notification-service.orderEvents", (event) -> {
			intake.accept(event, handlers.json());
			customerMails.orderEvent(event, handlers.json());
		});
	}

	@Bean
	Consumer<Message<byte[]>> leadEvents(EventHandlers handlers, EventIntake intake) {
		return handlers.consumer("notification-service.leadEvents", (event) -> intake.accept(event, handlers.json()));
	}

	@Bean
	Consumer<Message<byte[]>> accountEvents(EventHandlers handlers, EventIntake intake, AccountDirectory accounts,
			Reminders reminders, CustomerMails customerMails) {
		return handlers.consumer("notification-service.accountEvents", (event) -> {
			if (ACCOUNT_CARD.contains(event.name())) {
				accounts.apply(event, handlers.json());
			}
			else if (event.name().equals(CustomerMails.RECIPIENT_EVENT)) {
				customerMails.recipientChanged(event, handlers.json());
			}
			else if (event.name().equals("ActivityLogged")) {
				reminders.activityLogged(event, handlers.json());
			}
			else {
				intake.accept(event, handlers.json());
			}
		});
	}

	@Bean
	Consumer<Message<byte[]>> demoEvents(EventHandlers handlers, Reminders reminders) {
		return handlers.consumer("notification-service.demoEvents", (event) -> reminders.demo(event, handlers.json()));
	}

}
