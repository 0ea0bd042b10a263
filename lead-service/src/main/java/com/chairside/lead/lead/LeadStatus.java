package com.chairside.lead.lead;

/** Where a lead stands in prospecting; only the Lead changes it. */
public enum LeadStatus {

	NEW, CONTACTED, QUALIFIED, DISQUALIFIED, CONVERTED

}
