package com.chairside.account.account;

/** A prospect becomes a customer with its first order. */
public enum AccountStatus {

	PROSPECT, CUSTOMER

}
