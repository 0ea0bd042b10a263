package com.chairside.account.conversion;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.chairside.account.account.AccountDetails;
import com.chairside.account.account.AccountManagement;
import com.chairside.platform.inbox.EventHandlers;
import com.chairside.platform.inbox.PoisonMessageException;

/** Consumes {@code chairside.leads} (group {@code account-service}) and opens an account for each converted lead. */
@Configuration(proxyBeanMethods = false)
class LeadConversions {

	@Bean
	Consumer<Message<byte[]>> leadEvents(EventHandlers handlers, AccountManagement accounts) {
		return handlers.consumer("account-service.leadEvents", (event) -> {
			if (!event.name().equals("LeadConverted")) {
				return; // the other lead events open nothing
			}
			ConvertedLead lead = event.dataAs(ConvertedLead.class, handlers.json());
			if (lead.accountId() == null || lead.leadId() == null || lead.region() == null) {
				throw new PoisonMessageException("LeadConverted " + event.id() + " lacks accountId, leadId or region");
			}
			accounts.openForConvertedLead(lead.accountId(), AccountDetails.converted(lead.leadId(), lead.practiceName(),
					lead.region(), lead.specialty(), lead.city(), lead.country(), lead.owner()));
		});
	}

}
