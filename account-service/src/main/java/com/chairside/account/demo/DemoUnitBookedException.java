package com.chairside.account.demo;

import java.time.Instant;

import com.chairside.platform.web.ConflictException;

/** 409: the demo unit is booked by another demo at the time asked for; names that demo's time (not the demo). */
public class DemoUnitBookedException extends ConflictException {

	private final Instant clashStart;

	private final Instant clashEnd;

	DemoUnitBookedException(String unit, Instant clashStart, Instant clashEnd) {
		super("DEMO_UNIT_BOOKED",
				"Demo unit " + unit + " is already booked from " + clashStart + " to " + clashEnd + " by another demo");
		this.clashStart = clashStart;
		this.clashEnd = clashEnd;
	}

	public Instant clashStart() {
		return this.clashStart;
	}

	public Instant clashEnd() {
		return this.clashEnd;
	}

}
