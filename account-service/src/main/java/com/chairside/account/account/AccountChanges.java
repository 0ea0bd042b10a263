package com.chairside.account.account;

/** A partial update of an account: null means "leave as it is". */
public record AccountChanges(String name, String specialty, AccountKind kind, String taxId, Address billingAddress,
		Address siteAddress, String resellerId) {

}
