package com.chairside.lead.lead;

/** What kind of contact with the practice an activity was (the same kinds as account-service's activities). */
public enum ActivityType {

	CALL, VISIT, EMAIL, MEETING, DEMO, CONFERENCE, TRAINING

}
