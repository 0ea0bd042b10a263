package com.chairside.account.activity;

public enum ActivityType {

	CALL, VISIT, EMAIL, MEETING, DEMO, CONFERENCE, TRAINING

}
