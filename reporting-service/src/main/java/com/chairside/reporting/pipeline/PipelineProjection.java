package com.chairside.reporting.pipeline;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

import com.chairside.platform.inbox.EventHandlers;
import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.inbox.PoisonMessageException;
import com.chairside.reporting.projection.Projector;

/**
 * Consumes {@code chairside.leads} and {@code chairside.accounts} (group {@code reporting-service}) into the pipeline.
 * A lead with a decision maker counts as CONTACTED: lead-service sets that status when the first contact is added, and
 * the decision maker is the contact it announces.
 */
@Configuration(proxyBeanMethods = false)
class PipelineProjection {

	/** The fields of lead events the pipeline reads. */
	record LeadFacts(String region, String specialty, String source, String owner) {
	}

	/** The fields of AccountOpened the pipeline reads. */
	record AccountFacts(String region, String leadId) {
	}

	@Bean
	Consumer<Message<byte[]>> leadEvents(EventHandlers handlers, Projector projector) {
		return handlers.consumer("reporting-service.leadEvents", (event) -> {
			String status = statusAfter(event);
			if (status == null) {
				return;
			}
			LeadFacts lead = event.dataAs(LeadFacts.class, handlers.json());
			if (lead.region() == null) {
				throw new PoisonMessageException(event.type() + " " + event.id() + " names no region");
			}
			Update update = new Update().set("status", status).set("region", lead.region());
			if (lead.specialty() != null) {
				update.set("specialty", lead.specialty());
			}
			if (lead.source() != null) {
				update.set("source", lead.source());
			}
			if (lead.owner() != null) {
				update.set("owner", lead.owner());
			}
			projector.apply(event, update, LeadProgress.class);
		});
	}

	@Bean
	Consumer<Message<byte[]>> accountEvents(EventHandlers handlers, Projector projector) {
		return handlers.consumer("reporting-service.accountEvents", (event) -> {
			if (!event.name().equals("AccountOpened")) {
				return;
			}
			AccountFacts account = event.dataAs(AccountFacts.class, handlers.json());
			if (account.region() == null) {
				throw new PoisonMessageException("AccountOpened " + event.id() + " names no region");
			}
			projector.apply(event, new Update().set("region", account.region()).set("leadId", account.leadId()),
					OpenedAccount.class);
		});
	}

	private static String statusAfter(IncomingEvent event) {
		return switch (event.name()) {
			case "LeadCaptured" -> "NEW";
			case "DecisionMakerIdentified" -> "CONTACTED";
			case "LeadQualified" -> "QUALIFIED";
			case "LeadDisqualified" -> "DISQUALIFIED";
			case "LeadConverted" -> "CONVERTED";
			default -> null;
		};
	}

}
