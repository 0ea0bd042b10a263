package com.chairside.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One benchmark's outcome: the suite's figure and the baseline's (each the median of its rounds), their ratio, the
 * target for that ratio and whether it is met. {@code higherIsBetter}: throughputs (the ratio must reach the target)
 * against latencies and memory (the ratio must stay under it). {@code details}: the other figures (percentiles,
 * min and max, per rate or per process) that the table shows.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Result(String name, Double suiteValue, Double baselineValue, String unit, Double ratio, Double target,
		Boolean higherIsBetter, boolean met, List<Map<String, Object>> rounds, String machine,
		Map<String, Object> details, String note) {

	/** {@code target} null: a figure to watch, with nothing to meet. */
	static Result of(String name, Stats suite, Stats baseline, String unit, Double target, boolean higherIsBetter,
			List<Map<String, Object>> rounds, Map<String, Object> details, String note) {
		double ratio = round(suite.median() / baseline.median());
		boolean met = (target == null) || (higherIsBetter ? ratio >= target : ratio <= target);
		Map<String, Object> all = new LinkedHashMap<>();
		all.put("suiteMin", round(suite.min()));
		all.put("suiteMax", round(suite.max()));
		all.put("baselineMin", round(baseline.min()));
		all.put("baselineMax", round(baseline.max()));
		all.putAll(details);
		return new Result(name, round(suite.median()), round(baseline.median()), unit, ratio, target, higherIsBetter,
				met, rounds, Machine.describe(), all, note);
	}

	/** A benchmark that could not run: no figures, not met, and why. */
	static Result notRun(String name, String unit, double target, boolean higherIsBetter, String why) {
		return new Result(name, null, null, unit, null, target, higherIsBetter, false, List.of(), Machine.describe(),
				Map.of(), why);
	}

	static double round(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return value;
		}
		double scale = Math.abs(value) >= 100 ? 10 : 1000;
		return Math.round(value * scale) / scale;
	}

}
