package com.chairside.account.demo;

public enum DemoOutcome {

	INTEREST, QUOTE_REQUESTED, NO_INTEREST

}
