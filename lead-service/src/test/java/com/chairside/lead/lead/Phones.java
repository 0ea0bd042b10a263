package com.chairside.lead.lead;

import java.util.concurrent.ThreadLocalRandom;

/** Phone numbers for tests that share one store: a lead's phone is a match key, so a fixed one makes duplicates. */
final class Phones {

	private Phones() {
	}

	/** A Boston number with a random seven-digit subscriber part, written as people write it. */
	static String unique() {
		int subscriber = ThreadLocalRandom.current().nextInt(2_000_000, 10_000_000);
		return "+1 617 " + (subscriber / 10_000) + " " + String.format("%04d", subscriber % 10_000);
	}

}
