package com.chairside.lead.lead;

/** What sort of organisation the lead is: decides who signs and how long buying takes. */
public enum LeadKind {

	PRIVATE_PRACTICE, GROUP_DSO, HOSPITAL_CLINIC, UNIVERSITY, RESELLER

}
