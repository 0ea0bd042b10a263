package com.chairside.account.account;

/** The part a contact plays in the practice's buying committee. */
public enum BuyingRole {

	DECISION_MAKER, INFLUENCER, CLINICAL_USER, PRACTICE_MANAGER, PROCUREMENT, GATEKEEPER

}
