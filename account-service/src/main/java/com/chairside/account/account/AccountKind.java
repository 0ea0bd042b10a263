package com.chairside.account.account;

/** What kind of organisation an account is; resellers are accounts too. */
public enum AccountKind {

	PRIVATE_PRACTICE, GROUP_DSO, HOSPITAL_CLINIC, UNIVERSITY, RESELLER

}
