package com.chairside.lead.lead;

/** Who started the contact. */
public enum Direction {

	INBOUND, OUTBOUND

}
