package com.chairside.lead.lead;

/** What happened to a lead, as published on {@code chairside.leads} (see contracts/events). */
public sealed interface LeadEvent permits LeadCaptured, LeadUpdated, LeadAssigned, DecisionMakerIdentified,
		LeadQualified, LeadDisqualified, LeadConverted, LeadsMerged, LeadActivityLogged {

	String leadId();

}
