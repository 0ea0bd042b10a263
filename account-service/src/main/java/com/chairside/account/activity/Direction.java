package com.chairside.account.activity;

public enum Direction {

	INBOUND, OUTBOUND

}
