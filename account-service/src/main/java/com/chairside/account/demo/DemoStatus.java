package com.chairside.account.demo;

public enum DemoStatus {

	SCHEDULED, COMPLETED, CANCELLED

}
