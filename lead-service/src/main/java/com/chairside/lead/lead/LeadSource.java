package com.chairside.lead.lead;

/** Where a lead came from, for attribution of the lead-generation plan. */
public enum LeadSource {

	INBOUND_WEB, INBOUND_CALL, OUTBOUND, CONFERENCE, RESELLER_REFERRAL, CUSTOMER_REFERRAL

}
