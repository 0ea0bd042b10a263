package com.chairside.account.conversion;

import java.util.Arrays;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.chairside.account.account.AccountDetails;
import com.chairside.account.account.AccountKind;
import com.chairside.account.account.Address;
import com.chairside.platform.inbox.EventHandlers;
import com.chairside.platform.inbox.PoisonMessageException;

/**
 * Consumes {@code chairside.leads} (group {@code account-service}) and opens an account for each converted lead; keeps
 * the leads demos are booked for, and moves their demos with them ({@link DemoLeads}).
 */
@Configuration(proxyBeanMethods = false)
class LeadEventsConsumer {

	/** A kind this service does not know (a newer lead-service) opens the account without one. */
	private static AccountKind kind(String kind) {
		return Arrays.stream(AccountKind.values()).filter((k) -> k.name().equals(kind)).findFirst().orElse(null);
	}

	@Bean
	Consumer<Message<byte[]>> leadEvents(EventHandlers handlers, LeadHandOver handOver, DemoLeads demoLeads) {
		return handlers.consumer("account-service.leadEvents", (event) -> {
			handOver.apply(event, handlers.json()); // activities logged on leads, and where they go
			demoLeads.apply(event, handlers.json()); // the leads demos are booked for, and where their demos go
			if (!event.name().equals("LeadConverted")) {
				return; // the other lead events open nothing
			}
			ConvertedLead lead = event.dataAs(ConvertedLead.class, handlers.json());
			if (lead.accountId() == null || lead.leadId() == null || lead.region() == null) {
				throw new PoisonMessageException("LeadConverted " + event.id() + " lacks accountId, leadId or region");
			}
			Address site = (lead.street() != null || lead.postalCode() != null)
					? new Address(lead.street(), lead.postalCode(), lead.city(), lead.country()) : null;
			handOver.convert(event, lead, new AccountDetails(lead.leadId(), lead.practiceName(),
					lead.region(), lead.specialty(), lead.city(), lead.country(), lead.owner(), kind(lead.kind()), null,
					null, site, null));
		});
	}

}
