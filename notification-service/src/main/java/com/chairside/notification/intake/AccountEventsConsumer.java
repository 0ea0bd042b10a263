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
 * Consumes {@code chairside.accounts} (group {@code notification-service}): names and owners keep the account
 * directory current, order-mail recipients go to the customer mails, next steps of activities to the reminders; the
 * rest (resellers, channel conflicts) is routed to the departments.
 */
@Configuration(proxyBeanMethods = false)
class AccountEventsConsumer {

	private static final Set<String> ACCOUNT_CARD = Set.of("AccountOpened", "AccountUpdated", "AccountOwnerChanged");

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

}
