package com.chairside.notification.accounts;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.chairside.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class PracticeNamesUnitTests {

	private final MutableClock clock = new MutableClock();

	private final PracticeNames names = new PracticeNames(this.clock, Duration.ofSeconds(60), 2);

	private Map<String, String> fresh(String... accountIds) {
		Map<String, String> found = new HashMap<>();
		this.names.freshOnes(List.of(accountIds), found);
		return found;
	}

	@Test
	void aReadBegunBeforeARenameWasAppliedDoesNotReplaceIt() {
		PracticeNames.Stamp readBegun = this.names.stamp();
		this.names.keep("a", "Bright Smiles of Cambridge", this.names.stamp()); // the rename, applied meanwhile
		this.names.keep("a", "Bright Smiles", readBegun); // what the read found

		assertThat(fresh("a")).containsExactly(Map.entry("a", "Bright Smiles of Cambridge"));
	}

	@Test
	void keepsANameForTheTtl() {
		this.names.keep("a", "Bright Smiles", this.names.stamp());
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(fresh("a")).containsOnlyKeys("a");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(fresh("a")).isEmpty();
	}

	@Test
	void dropsTheLeastRecentlyUsedBeyondItsCapacity() {
		this.names.keep("a", "A", this.names.stamp());
		this.names.keep("b", "B", this.names.stamp());
		fresh("a");
		this.names.keep("c", "C", this.names.stamp());

		assertThat(fresh("a", "b", "c")).containsOnlyKeys("a", "c");
	}

}
