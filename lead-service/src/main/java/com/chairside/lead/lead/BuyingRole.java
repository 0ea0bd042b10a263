package com.chairside.lead.lead;

/** The part a contact plays in the practice's buying decision. */
public enum BuyingRole {

	DECISION_MAKER, INFLUENCER, CLINICAL_USER, PRACTICE_MANAGER, PROCUREMENT, GATEKEEPER

}
