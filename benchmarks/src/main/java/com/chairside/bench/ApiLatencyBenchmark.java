package com.chairside.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Benchmark 3, API latency: create-lead through the gateway on a ladder of arrival rates, open model, against
 * {@code GET /api/me} (lead-service answers who the token says the caller is, without touching the store or the
 * broker). The baseline thus crosses the same gateway, token checks (gateway and lead-service) and routing, and does
 * no I/O. Callers are 40 account managers, as the gateway limits calls per user (100/s). The figures are each side's
 * knee ({@link Ladder}) and the p99s at {@value #COMPARE_RATE}/s.
 */
final class ApiLatencyBenchmark implements Benchmark {

	private static final int CALLERS = 40;

	private static final int COMPARE_RATE = 50;

	private static final Duration SETTLE_LIMIT = Duration.ofMinutes(2);

	@Override
	public String name() {
		return "api-latency";
	}

	@Override
	public List<Result> run(Settings settings) throws Exception {
		Ladder ladder = new Ladder(name(), settings.ladder(), List.of("baseline", "suite"));
		try (Stack stack = Stack.start(settings.root(), settings.logs(), List.of("lead-service"), true, Map.of())) {
			List<String> tokens = new ArrayList<>();
			for (int i = 0; i < CALLERS; i++) {
				tokens.add(stack.token(Stack.user("am.northeast"), "ACCOUNT_MANAGER", "NORTHEAST", null));
			}
			String url = stack.url("gateway") + "/api/leads";
			String me = stack.url("gateway") + "/api/me";
			AtomicInteger sequence = new AtomicInteger();
			Map<String, Side> sides = Map.of("suite", new Side((i) -> OpenLoad.request(url, tokens.get(i % CALLERS))
				.POST(HttpRequest.BodyPublishers.ofString(lead("Practice " + sequence.getAndIncrement() + " " + System.nanoTime())))
				.build(), 201), "baseline",
					new Side((i) -> OpenLoad.request(me, tokens.get(i % CALLERS)).GET().build(), 200));

			// warmed up at the ladder's second rate: load enough for the JIT, below where the first round overloaded
			int warmUpRate = settings.ladder().get(Math.min(1, settings.ladder().size() - 1));
			Duration half = settings.warmUp().dividedBy(2);
			sides.get("baseline").load(warmUpRate, half);
			sides.get("suite").load(warmUpRate, half);

			Ladder.Driver driver = new Ladder.Driver() {

				@Override
				public Ladder.Step drive(String side, int rate) {
					OpenLoad.Outcome outcome = sides.get(side).load(rate, settings.step());
					return new Ladder.Step(outcome.millis(50), outcome.millis(99), outcome.sent(), outcome.errors(),
							Map.of("p999", Result.round(outcome.millis(99.9))));
				}

				@Override
				public void settle(String side) {
					sides.get(side).settle(settings.ladder().get(0));
				}

			};
			for (int round = 1; round <= settings.rounds(); round++) {
				ladder.climb(round, driver);
			}
		}
		return List.of(ladder.result("requests/s at the knee", 0.5, COMPARE_RATE, 3.0, Map.of(),
				"POST /api/leads (201) against GET /api/me (200, no I/O), both through the gateway with valid tokens; "
						+ "latency from each request's intended send time."));
	}

	/** The create-lead body of SalesFlowSystemTests. */
	private static String lead(String practiceName) {
		return """
				{"practiceName":"%s","specialty":"ORTHODONTICS","region":"NORTHEAST","source":"CONFERENCE","city":"Boston","country":"US",\
				"productInterests":["TREATMENT_CHAIR","DELIVERY_UNIT"],"estimatedValue":{"amount":"85000.00","currency":"USD"}}"""
			.formatted(practiceName);
	}

	private record Side(IntFunction<HttpRequest> request, int expected) {

		OpenLoad.Outcome load(int rate, Duration duration) {
			return OpenLoad.run(rate, duration, this.request, (status) -> status == this.expected);
		}

		/**
		 * After a miss: the side's own requests at the ladder's lowest rate, a few seconds at a time, until they are
		 * answered under the limit without errors again (its queue, behind the answers OpenLoad waited for, has
		 * drained), or {@link #SETTLE_LIMIT} has passed.
		 */
		void settle(int rate) {
			long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
			OpenLoad.Outcome probe;
			do {
				probe = load(rate, Duration.ofSeconds(3));
			}
			while ((probe.errors() > 0 || probe.millis(99) >= Ladder.LIMIT_MS) && System.nanoTime() < deadline);
		}

	}

}
