package com.chairside.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** HTTP bodies read strictly: dates and moments are text, never a number of days or seconds since 1970. */
class StrictJsonUnitTests {

	private final JsonMapper strict = strictMapper();

	record Moments(Instant instant, LocalDate date, LocalDateTime local, OffsetDateTime offset, ZonedDateTime zoned) {
	}

	@ParameterizedTest
	@ValueSource(strings = { "instant", "date", "local", "offset", "zoned" })
	void refusesANumberForADateOrMoment(String field) {
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> this.strict.readValue("{\"" + field + "\":12345}", Moments.class));
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> this.strict.readValue("{\"" + field + "\":12345.5}", Moments.class));
		assertThatExceptionOfType(MismatchedInputException.class)
			.isThrownBy(() -> this.strict.readValue("{\"" + field + "\":true}", Moments.class));
	}

	@Test
	void readsDatesAndMomentsWrittenAsText() {
		Moments read = this.strict.readValue("""
				{"instant":"2026-11-02T10:00:00Z","date":"2026-11-02","local":"2026-11-02T10:00:00",
				 "offset":"2026-11-02T10:00:00+01:00","zoned":"2026-11-02T10:00:00Z","ignored":null}""", Moments.class);
		assertThat(read.instant()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
		assertThat(read.date()).isEqualTo(LocalDate.of(2026, 11, 2));
		assertThat(read.local()).isEqualTo(LocalDateTime.of(2026, 11, 2, 10, 0));
		assertThat(read.offset().toInstant()).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
		assertThat(read.zoned().toInstant()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
	}

	@Test
	void keepsNullsAndFourDigitYears() {
		assertThat(this.strict.readValue("{\"instant\":null,\"date\":null}", Moments.class).instant()).isNull();
		assertThatExceptionOfType(tools.jackson.core.JacksonException.class)
			.isThrownBy(() -> this.strict.readValue("{\"date\":\"+12026-11-02\"}", Moments.class));
	}

	private static JsonMapper strictMapper() {
		JsonMapper.Builder builder = JsonMapper.builder();
		StrictJson.strict(builder);
		return builder.build();
	}

}
