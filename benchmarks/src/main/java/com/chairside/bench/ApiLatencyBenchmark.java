package com.chairside.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark 3, API latency: create-lead through the gateway at fixed arrival rates, open model, against
 * {@code GET /api/me} (lead-service answers who the token says the caller is, without touching the store or the
 * broker). The baseline thus crosses the same gateway, token checks (gateway and lead-service) and routing, and does
 * no I/O. Callers are 40 account managers, as the gateway limits calls per user (100/s).
 */
final class ApiLatencyBenchmark implements Benchmark {

	private static final int CALLERS = 40;

	private static final int REFERENCE_RATE = 200;

	private static final double LIMIT_MS = 100;

	@Override
	public String name() {
		return "api-latency";
	}

	@Override
	public List<Result> run(Settings settings) {
		Map<Integer, Map<String, List<OpenLoad.Outcome>>> outcomes = new TreeMap<>();
		List<Map<String, Object>> rounds = new ArrayList<>();
		try (Stack stack = Stack.start(settings.root(), settings.logs(), List.of("lead-service"), true, Map.of())) {
			List<String> tokens = new ArrayList<>();
			for (int i = 0; i < CALLERS; i++) {
				tokens.add(stack.token(Stack.user("am.northeast"), "ACCOUNT_MANAGER", "NORTHEAST", null));
			}
			String url = stack.url("gateway") + "/api/leads";
			String me = stack.url("gateway") + "/api/me";
			int[] sequence = { 0 };
			Side suite = new Side("suite", (i) -> OpenLoad.request(url, tokens.get(i % CALLERS))
				.POST(HttpRequest.BodyPublishers.ofString(lead("Practice " + (sequence[0]++) + " " + System.nanoTime())))
				.build(), 201);
			Side baseline = new Side("baseline", (i) -> OpenLoad.request(me, tokens.get(i % CALLERS)).GET().build(), 200);

			int warmUpRate = settings.rates().stream().filter((r) -> r <= REFERENCE_RATE).max(Integer::compare).orElse(50);
			Duration half = settings.warmUp().dividedBy(2);
			baseline.load(warmUpRate, half);
			suite.load(warmUpRate, half);

			for (int round = 1; round <= settings.rounds(); round++) {
				for (int rate : settings.rates()) {
					for (Side side : List.of(baseline, suite)) {
						OpenLoad.Outcome outcome = side.load(rate, settings.step());
						outcomes.computeIfAbsent(rate, (r) -> new LinkedHashMap<>())
							.computeIfAbsent(side.name, (s) -> new ArrayList<>())
							.add(outcome);
						Map<String, Object> figures = figures(outcome);
						figures.put("round", round);
						figures.put("rate", rate);
						figures.put("side", side.name);
						rounds.add(figures);
						Report.progress(name(), round, figures);
					}
				}
			}
		}
		int reference = outcomes.containsKey(REFERENCE_RATE) ? REFERENCE_RATE : ((TreeMap<Integer, ?>) outcomes).lastKey();
		Stats suiteP99 = p99s(outcomes.get(reference).get("suite"));
		Stats baselineP99 = p99s(outcomes.get(reference).get("baseline"));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("referenceRate", reference);
		outcomes.forEach((rate, sides) -> sides.forEach((side, list) -> details.put(side + "@" + rate, medians(list))));
		details.put("suiteHighestRateP99Under100ms", highestRate(outcomes, "suite"));
		details.put("baselineHighestRateP99Under100ms", highestRate(outcomes, "baseline"));
		return List.of(Result.of(name(), suiteP99, baselineP99, "ms p99 at " + reference + "/s", 3.0, false, rounds,
				details, "POST /api/leads (201) against GET /api/me (200, no I/O), both through "
						+ "the gateway with valid tokens; latency from each request's intended send time."));
	}

	private static Stats p99s(List<OpenLoad.Outcome> outcomes) {
		Stats stats = new Stats();
		outcomes.forEach((o) -> stats.add(o.millis(99)));
		return stats;
	}

	private static Map<String, Object> figures(OpenLoad.Outcome outcome) {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("p50", Result.round(outcome.millis(50)));
		figures.put("p99", Result.round(outcome.millis(99)));
		figures.put("p999", Result.round(outcome.millis(99.9)));
		figures.put("sent", outcome.sent());
		figures.put("errors", outcome.errors());
		return figures;
	}

	/** The median of each percentile over the rounds, and the errors of all rounds. */
	private static Map<String, Object> medians(List<OpenLoad.Outcome> outcomes) {
		Map<String, Object> medians = new LinkedHashMap<>();
		for (double percentile : new double[] { 50, 99, 99.9 }) {
			Stats stats = new Stats();
			outcomes.forEach((o) -> stats.add(o.millis(percentile)));
			medians.put(percentile == 99.9 ? "p999" : "p" + (int) percentile, Result.round(stats.median()));
		}
		medians.put("errors", outcomes.stream().mapToLong(OpenLoad.Outcome::errors).sum());
		medians.put("sent", outcomes.stream().mapToLong(OpenLoad.Outcome::sent).sum());
		return medians;
	}

	private static int highestRate(Map<Integer, Map<String, List<OpenLoad.Outcome>>> outcomes, String side) {
		int highest = 0;
		for (var entry : outcomes.entrySet()) {
			Stats p99 = p99s(entry.getValue().get(side));
			if (p99.median() < LIMIT_MS) {
				highest = entry.getKey();
			}
		}
		return highest;
	}

	/** The create-lead body of SalesFlowSystemTests. */
	private static String lead(String practiceName) {
		return """
				{"practiceName":"%s","specialty":"ORTHODONTICS","region":"NORTHEAST","source":"CONFERENCE","city":"Boston","country":"US",\
				"productInterests":["TREATMENT_CHAIR","DELIVERY_UNIT"],"estimatedValue":{"amount":"85000.00","currency":"USD"}}"""
			.formatted(practiceName);
	}

	private record Side(String name, java.util.function.IntFunction<HttpRequest> request, int expected) {

		OpenLoad.Outcome load(int rate, Duration duration) {
			return OpenLoad.run(rate, duration, this.request, (status) -> status == this.expected);
		}

	}

}
