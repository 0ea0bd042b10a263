package com.chairside.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payload is checked against its schema with formats as assertions: a {@code date-time} that is no date-time is a
 * violation, naming the field, as a missing field is.
 */
class ContractsUnitTests {

	private static final String OWNER_CHANGED = "chairside.account.AccountOwnerChanged.v1";

	@Test
	void theExampleConforms() {
		assertThat(Contracts.violations(OWNER_CHANGED, Contracts.example(OWNER_CHANGED))).isEmpty();
	}

	@Test
	void aTimeThatIsNoDateTimeIsAViolation() {
		String yesterday = Contracts.example(OWNER_CHANGED, "changedAt", "yesterday");

		assertThat(Contracts.violations(OWNER_CHANGED, yesterday)).singleElement()
			.asString()
			.contains("changedAt", "date-time");
	}

	@Test
	void aMissingFieldIsAViolation() {
		String withoutOwner = Contracts.example(OWNER_CHANGED).replace("\"owner\"", "\"formerOwner\"");

		assertThat(Contracts.violations(OWNER_CHANGED, withoutOwner)).singleElement().asString().contains("owner");
	}

}
