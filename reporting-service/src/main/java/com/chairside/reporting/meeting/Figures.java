package com.chairside.reporting.meeting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Arithmetic of the pack: money as exact decimals with two places, rates in percent with one. */
final class Figures {

	private Figures() {
	}

	/** A section or row of the pack: names and values, in the order given. */
	static java.util.Map<String, Object> fields(Object... namesAndValues) {
		java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return fields;
	}

	static BigDecimal money(String amount) {
		return (amount != null) ? new BigDecimal(amount) : BigDecimal.ZERO;
	}

	static BigDecimal cents(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}

	/** {@code part} of {@code whole} in percent, one decimal; null when there is no whole to measure against. */
	static Double percent(BigDecimal part, BigDecimal whole) {
		if (whole == null || whole.signum() == 0) {
			return null;
		}
		return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP).doubleValue();
	}

	static Double percent(long part, long whole) {
		return percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
	}

	/** The mean of {@code total} over {@code count}, one decimal; null when there is nothing to average. */
	static Double average(double total, long count) {
		return (count == 0) ? null : Math.round(total / count * 10) / 10.0;
	}

}
