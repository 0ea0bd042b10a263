package com.chairside.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One benchmark's outcome: the suite's figure and the baseline's (each the median of its rounds), their ratio, the
 * target for that ratio and whether it is met. {@code higherIsBetter}: throughputs (the ratio must reach the target)
 * against latencies and memory (the ratio must stay under it). {@code details}: the other figures (percentiles,
 * min and max, per rate or per process) that the table shows. The figures other systems read by name, where the
 * benchmark has them: {@code suiteKnee} and {@code baselineKnee} (the highest rate of the ladder each side sustains,
 * per second), {@code upSeconds} ({@code bin/chairside up} from built jars) and {@code maxServiceRssMb} (the largest
 * service under the end-to-end load).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Result(String name, Double suiteValue, Double baselineValue, String unit, Double ratio, Double target,
		Boolean higherIsBetter, boolean met, Double suiteKnee, Double baselineKnee, Double upSeconds,
		Double maxServiceRssMb, List<Map<String, Object>> rounds, String machine, Map<String, Object> details,
		String note) {

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
				met, null, null, null, null, rounds, Machine.describe(), all, note);
	}

	/** A benchmark that could not run: no figures, not met, and why. */
	static Result notRun(String name, String unit, double target, boolean higherIsBetter, String why) {
		return new Result(name, null, null, unit, null, target, higherIsBetter, false, null, null, null, null, List.of(),
				Machine.describe(), Map.of(), why);
	}

	/** A ladder's outcome: the knees are the figures, their ratio the one compared; {@code met} as the caller judged. */
	static Result ofKnees(String name, Stats suiteKnees, Stats baselineKnees, String unit, double target, boolean met,
			List<Map<String, Object>> rounds, Map<String, Object> details, String note) {
		Result result = of(name, suiteKnees, baselineKnees, unit, target, true, rounds, details, note);
		double suiteKnee = round(suiteKnees.median());
		double baselineKnee = round(baselineKnees.median());
		// a baseline that sustains no rate of the ladder leaves nothing to compare with
		Double ratio = (baselineKnee > 0) ? round(suiteKnee / baselineKnee) : null;
		return new Result(name, suiteKnee, baselineKnee, unit, ratio, target, true, met && ratio != null && ratio >= target,
				suiteKnee, baselineKnee, null, null, rounds, result.machine(), result.details(), note);
	}

	/** The same, with the footprint's figures read by name (null ones, not measured, are left out) and its verdict. */
	Result withFootprint(Double upSeconds, Double maxServiceRssMb, boolean met) {
		return new Result(this.name, this.suiteValue, this.baselineValue, this.unit, this.ratio, this.target,
				this.higherIsBetter, met, this.suiteKnee, this.baselineKnee, upSeconds, maxServiceRssMb, this.rounds,
				this.machine, this.details, this.note);
	}

	static double round(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return value;
		}
		double scale = Math.abs(value) >= 100 ? 10 : 1000;
		return Math.round(value * scale) / scale;
	}

}
