package com.chairside.account.conversion;

import java.util.Set;

import org.springframework.stereotype.Component;

import com.chairside.account.demo.DemoManagement;
import com.chairside.account.leads.LeadDirectory;
import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.platform.inbox.PoisonMessageException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the {@link LeadDirectory} of the leads demos can be booked for, from each lead event that names the lead's
 * region (an event older than the one applied changes nothing); a lead not converted yet that moves to another region
 * takes its demos along, and a converted lead's demos go to its account.
 */
@Component
class DemoLeads {

	/** The lead events that name the lead's region (after the event). */
	private static final Set<String> REGION_EVENTS = Set.of("LeadCaptured", "LeadAssigned", "LeadUpdated",
			"LeadConverted");

	/** The part of those events the directory needs ({@code accountId}: LeadConverted's only). */
	record LeadFacts(String leadId, String region, String accountId) {
	}

	private final LeadDirectory leads;

	private final DemoManagement demos;

	DemoLeads(LeadDirectory leads, DemoManagement demos) {
		this.leads = leads;
		this.demos = demos;
	}

	void apply(IncomingEvent event, JsonMapper json) {
		if (!REGION_EVENTS.contains(event.name())) {
			return; // the other lead events say nothing about where a lead is
		}
		LeadFacts lead = event.dataAs(LeadFacts.class, json);
		if (lead.leadId() == null || lead.region() == null) {
			throw new PoisonMessageException(event.name() + " " + event.id() + " lacks leadId or region");
		}
		LeadDirectory.Learnt learnt = this.leads.learn(lead.leadId(), lead.region(), event.sequence());
		if (learnt.moved() && learnt.lead().accountId() == null) {
			this.demos.leadMoved(learnt.lead());
		}
		if (event.name().equals("LeadConverted")) {
			if (lead.accountId() == null) {
				throw new PoisonMessageException("LeadConverted " + event.id() + " lacks accountId");
			}
			this.demos.leadConverted(this.leads.converted(lead.leadId(), lead.accountId()));
		}
	}

}
