package com.chairside.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A ladder of rates climbed by two sides, baseline and suite, rounds interleaved: in each round every rate from the
 * lowest, at each rate the baseline and then the suite. A side sustains a rate when its p99 stays under a second and
 * nothing failed (an error, a change refused or never notified); its knee in a round is the highest rate it sustained
 * before its first miss (0 when it missed the lowest), and its figure the median of its rounds' knees. A side that
 * missed a rate is not driven at the higher ones in that round: it would only queue (and a full run would take the
 * time of that queue); after a miss the driver lets the side's queue drain, so that it does not spill into the next
 * measurement.
 */
final class Ladder {

	static final double LIMIT_MS = 1000;

	static final String NOT_DRIVEN = "not driven";

	private final String benchmark;

	private final List<Integer> rates;

	private final List<String> sides;

	private final Map<String, Map<Integer, List<Step>>> steps = new LinkedHashMap<>();

	private final Map<String, Stats> knees = new LinkedHashMap<>();

	private final List<Map<String, Object>> rounds = new ArrayList<>();

	Ladder(String benchmark, List<Integer> rates, List<String> sides) {
		this.benchmark = benchmark;
		this.rates = List.copyOf(rates);
		this.sides = List.copyOf(sides);
		for (String side : sides) {
			this.steps.put(side, new LinkedHashMap<>());
			this.knees.put(side, new Stats());
		}
	}

	/** One round: every rate from the lowest, each side while it sustains them. */
	void climb(int round, Driver driver) throws Exception {
		Set<String> climbing = new LinkedHashSet<>(this.sides);
		Map<String, Integer> knee = new LinkedHashMap<>();
		this.sides.forEach((side) -> knee.put(side, 0));
		for (int rate : this.rates) {
			for (String side : List.copyOf(climbing)) {
				Step step = driver.drive(side, rate);
				this.steps.get(side).computeIfAbsent(rate, (r) -> new ArrayList<>()).add(step);
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("round", round);
				row.put("rate", rate);
				row.put("side", side);
				row.put("p50", Result.round(step.p50()));
				row.put("p99", Result.round(step.p99()));
				row.put("sent", step.sent());
				row.put("errors", step.errors());
				row.putAll(step.figures());
				row.put("sustained", step.sustained());
				this.rounds.add(row);
				Report.progress(this.benchmark, round, row);
				if (step.sustained()) {
					knee.put(side, rate);
				}
				else {
					climbing.remove(side);
					driver.settle(side);
				}
			}
		}
		knee.forEach((side, rate) -> this.knees.get(side).add(rate));
	}

	/**
	 * The knees compared ({@code ratio} = suite knee / baseline knee, at least {@code target}) and the p99s at
	 * {@code compareRate} (the suite's at most {@code p99Factor} times the baseline's); met when both hold.
	 */
	Result result(String unit, double target, int compareRate, double p99Factor, Map<String, Object> more,
			String note) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("limitMs", LIMIT_MS);
		details.put("ladder", table());
		Double suiteP99 = p99(this.steps.get("suite").get(compareRate));
		Double baselineP99 = p99(this.steps.get("baseline").get(compareRate));
		Double p99Ratio = (suiteP99 != null && baselineP99 != null && baselineP99 > 0)
				? Result.round(suiteP99 / baselineP99) : null;
		boolean p99Met = p99Ratio != null && p99Ratio <= p99Factor;
		details.put("p99RatioAt" + compareRate, (p99Ratio != null) ? p99Ratio
				: "not measured: a side was not driven at " + compareRate + "/s (missed a lower rate, or not on the ladder)");
		details.put("p99TargetAt" + compareRate, p99Factor);
		details.put("p99MetAt" + compareRate, p99Met);
		details.putAll(more);
		String rule = " Knee: the highest rate of the ladder (" + this.rates + " per second) whose p99 stays under "
				+ (int) LIMIT_MS + " ms with no errors; the median of the rounds' knees. A side that misses a rate is "
				+ "not driven at the higher ones in that round. met: knee ratio ≥ " + target + " and suite p99 at "
				+ compareRate + "/s ≤ " + p99Factor + "× the baseline's.";
		return Result.ofKnees(this.benchmark, this.knees.get("suite"), this.knees.get("baseline"), unit, target, p99Met,
				this.rounds, details, note + rule);
	}

	/** Per rate, each side's median p50 and p99 over the rounds that drove it there, its sends and errors. */
	private List<Map<String, Object>> table() {
		List<Map<String, Object>> table = new ArrayList<>();
		for (int rate : this.rates) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("rate", rate);
			for (String side : this.sides) {
				List<Step> at = this.steps.get(side).get(rate);
				boolean driven = at != null && !at.isEmpty();
				row.put(side + "P50", driven ? median(at, Step::p50) : NOT_DRIVEN);
				row.put(side + "P99", driven ? median(at, Step::p99) : NOT_DRIVEN);
				row.put(side + "Sent", driven ? at.stream().mapToLong(Step::sent).sum() : 0);
				row.put(side + "Errors", driven ? at.stream().mapToLong(Step::errors).sum() : 0);
			}
			table.add(row);
		}
		return table;
	}

	private static Double p99(List<Step> steps) {
		return (steps == null || steps.isEmpty()) ? null : median(steps, Step::p99);
	}

	private static double median(List<Step> steps, java.util.function.ToDoubleFunction<Step> figure) {
		Stats stats = new Stats();
		steps.forEach((step) -> stats.add(figure.applyAsDouble(step)));
		return Result.round(stats.median());
	}

	/** Measures one side at one rate; after a miss, waits until that side's queue has drained. */
	interface Driver {

		Step drive(String side, int rate) throws Exception;

		default void settle(String side) throws Exception {
		}

	}

	/**
	 * One side at one rate: latencies in milliseconds, what was sent, what failed (an error, a change refused or never
	 * notified); {@code figures}: more for the round's row.
	 */
	record Step(double p50, double p99, long sent, long errors, Map<String, Object> figures) {

		boolean sustained() {
			return this.p99 < LIMIT_MS && this.errors == 0;
		}

	}

}
