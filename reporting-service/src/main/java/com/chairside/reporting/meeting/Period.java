package com.chairside.reporting.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.chairside.platform.web.InvalidFieldException;

/** The period a sales meeting looks at: a month ({@code 2026-11}), a quarter ({@code 2026-Q4}) or a year ({@code 2026}), in UTC. */
public record Period(String label, LocalDate from, LocalDate until) {

	private static final Pattern FORMAT = Pattern.compile("^(\\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$");

	public static Period parse(String text) {
		Matcher m = (text != null) ? FORMAT.matcher(text) : null;
		if (m == null || !m.matches()) {
			throw new InvalidFieldException("period",
					"must be a month (2026-11), a quarter (2026-Q4) or a year (2026), not '" + text + "'");
		}
		int year = Integer.parseInt(m.group(1));
		if (m.group(2) != null) {
			LocalDate from = LocalDate.of(year, Integer.parseInt(m.group(2)), 1);
			return new Period(text, from, from.plusMonths(1));
		}
		if (m.group(3) != null) {
			LocalDate from = LocalDate.of(year, (Integer.parseInt(m.group(3)) - 1) * 3 + 1, 1);
			return new Period(text, from, from.plusMonths(3));
		}
		return new Period(text, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
	}

	public boolean isMonth() {
		return this.from.plusMonths(1).equals(this.until);
	}

	public boolean isYear() {
		return this.from.plusYears(1).equals(this.until);
	}

	/** The months of the period, as targets name them ({@code 2026-11}). */
	public List<String> months() {
		List<String> months = new ArrayList<>();
		for (YearMonth m = YearMonth.from(this.from); m.isBefore(YearMonth.from(this.until)); m = m.plusMonths(1)) {
			months.add(m.toString());
		}
		return months;
	}

	/** Whether an instant ({@code 2026-11-03T14:22:05Z}) or a date ({@code 2026-11-03}) falls in the period. */
	public boolean contains(String instantOrDate) {
		LocalDate day = day(instantOrDate);
		return day != null && !day.isBefore(this.from) && day.isBefore(this.until);
	}

	/** Days of the period from {@code today} on (today included): all of them before it starts, none after it. */
	public long daysLeft(LocalDate today) {
		LocalDate start = today.isBefore(this.from) ? this.from : today;
		return Math.max(0, ChronoUnit.DAYS.between(start, this.until));
	}

	public long days() {
		return ChronoUnit.DAYS.between(this.from, this.until);
	}

	public static LocalDate day(String instantOrDate) {
		if (instantOrDate == null) {
			return null;
		}
		return (instantOrDate.length() <= 10) ? LocalDate.parse(instantOrDate)
				: Instant.parse(instantOrDate).atZone(ZoneOffset.UTC).toLocalDate();
	}

}
