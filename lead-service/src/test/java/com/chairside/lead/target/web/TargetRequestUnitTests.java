package com.chairside.lead.target.web;

import java.math.BigDecimal;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.chairside.lead.lead.Money;

import static org.assertj.core.api.Assertions.assertThat;

/** The values a target may have: counts from 0 to a million and bookings in money, each a field error (400) else. */
class TargetRequestUnitTests {

	private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

	private static final Validator VALIDATOR = FACTORY.getValidator();

	private static final Money BOOKINGS = new Money(new BigDecimal("600000"), "USD");

	@AfterAll
	static void close() {
		FACTORY.close();
	}

	private static Object[] invalidFields(TargetController.TargetRequest request) {
		return VALIDATOR.validate(request).stream().map((v) -> v.getPropertyPath().toString()).sorted().toArray();
	}

	@Test
	void acceptsCountsFromZeroToAMillion() {
		assertThat(invalidFields(new TargetController.TargetRequest(0, 0, 0, BOOKINGS))).isEmpty();
		assertThat(invalidFields(new TargetController.TargetRequest(1_000_000, 1_000_000, 1_000_000, BOOKINGS)))
			.isEmpty();
	}

	@Test
	void refusesNegativeMissingAndExcessiveCounts() {
		assertThat(invalidFields(new TargetController.TargetRequest(-1, null, 1_000_001, BOOKINGS)))
			.containsExactly("leadsCaptured", "leadsConverted", "leadsQualified");
	}

	@Test
	void refusesBookingsThatAreNoAmountOfMoney() {
		assertThat(invalidFields(new TargetController.TargetRequest(1, 1, 1, null))).containsExactly("bookings");
		assertThat(invalidFields(new TargetController.TargetRequest(1, 1, 1, new Money(new BigDecimal("-5"), "usd"))))
			.containsExactly("bookings.amount", "bookings.currency");
	}

}
