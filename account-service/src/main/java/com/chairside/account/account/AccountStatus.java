package com.chairside.account.account;

/**
 * A prospect becomes a customer with its first confirmed order; a customer with no activity for the configured quiet
 * period becomes dormant, and a customer again on its next activity or confirmed order. A prospect that goes quiet
 * stays a prospect.
 */
public enum AccountStatus {

	PROSPECT, CUSTOMER, DORMANT

}
