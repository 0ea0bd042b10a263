package com.chairside.reporting.pipeline;

import java.util.List;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.inbox.PoisonMessageException;
import com.chairside.reporting.projection.Projection;
import com.chairside.reporting.projection.ProjectionWrite;

import tools.jackson.databind.json.JsonMapper;

/**
 * The lead funnel from {@code chairside.leads}: one document per lead with the time it reached each stage, its source
 * and conference name (as captured, then as updated). A lead with a decision maker counts as CONTACTED: lead-service
 * raises no event for other contacts.
 */
@Component
class LeadProjection implements Projection {

	/** The fields of lead events the funnel reads (tolerant reader: whatever an event lacks stays null). */
	record LeadFacts(String region, String specialty, String source, String conferenceName, String owner,
			List<String> productInterests, Money estimatedValue, String expectedDecisionDate, String capturedAt,
			String identifiedAt, String qualifiedAt, String disqualifiedAt, String reason, String competitor,
			String convertedAt, String accountId) {
	}

	record Money(String amount, String currency) {
	}

	@Override
	public String name() {
		return "leads";
	}

	@Override
	public String topic() {
		return "chairside.leads";
	}

	@Override
	public String collection() {
		return "lead_progress";
	}

	@Override
	public Class<?> document() {
		return LeadProgress.class;
	}

	@Override
	public ProjectionWrite writeFor(IncomingEvent event, JsonMapper json) {
		String name = event.name();
		if (!List.of("LeadCaptured", "LeadUpdated", "DecisionMakerIdentified", "LeadQualified", "LeadDisqualified",
				"LeadConverted", "LeadAssigned").contains(name)) {
			return null;
		}
		LeadFacts lead = event.dataAs(LeadFacts.class, json);
		if (lead.region() == null) {
			throw new PoisonMessageException(event.type() + " " + event.id() + " names no region");
		}
		Update update = new Update().set("region", lead.region());
		setPresent(update, "specialty", lead.specialty());
		setPresent(update, "owner", lead.owner());
		if (lead.estimatedValue() != null) {
			update.set("estimatedValue", lead.estimatedValue().amount()).set("currency", lead.estimatedValue().currency());
		}
		setPresent(update, "expectedDecisionDate", lead.expectedDecisionDate());
		switch (name) {
			case "LeadCaptured" -> {
				update.set("capturedAt", (lead.capturedAt() != null) ? lead.capturedAt() : event.time().toString());
				setPresent(update, "source", lead.source());
				setPresent(update, "conferenceName", lead.conferenceName());
				setPresent(update, "productInterests", lead.productInterests());
			}
			case "LeadUpdated" -> {
				// the source and conference name after the change; an update published before it carried them changes
				// nothing here
				setPresent(update, "source", lead.source());
				setPresent(update, "conferenceName", lead.conferenceName());
			}
			case "DecisionMakerIdentified" -> update.set("contactedAt", orEventTime(lead.identifiedAt(), event));
			case "LeadQualified" -> update.set("qualifiedAt", orEventTime(lead.qualifiedAt(), event));
			case "LeadDisqualified" -> update.set("disqualifiedAt", orEventTime(lead.disqualifiedAt(), event))
				.set("disqualifiedReason", lead.reason())
				.set("competitor", lead.competitor());
			case "LeadConverted" -> {
				update.set("convertedAt", orEventTime(lead.convertedAt(), event));
				setPresent(update, "accountId", lead.accountId());
			}
			default -> {
				// LeadAssigned: the owner, set above
			}
		}
		return new ProjectionWrite(event.subject(), update);
	}

	static String orEventTime(String at, IncomingEvent event) {
		return (at != null) ? at : event.time().toString();
	}

	static void setPresent(Update update, String field, Object value) {
		if (value != null) {
			update.set(field, value);
		}
	}

}
