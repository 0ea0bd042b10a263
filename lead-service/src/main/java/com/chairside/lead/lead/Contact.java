package com.chairside.lead.lead;

/**
 * A person at the practice and the part they play in buying. Personal data: it stays in lead-service until the lead is
 * converted, when it goes to the account with {@code LeadConverted}.
 */
public record Contact(String id, String name, String title, String email, String phone, BuyingRole buyingRole) {

	boolean decidesPurchase() {
		return this.buyingRole == BuyingRole.DECISION_MAKER;
	}

}
