package com.chairside.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark 6, the console: two figures through the gateway among a region's 10,000 leads and 5,000 accounts
 * ({@link SalesRecords}), each against {@code GET /api/me} in the same run (the console's first call, which crosses
 * the same gateway, token checks and routing and touches no store). The first screen: what a browser with an empty
 * cache fetches for an account manager from the page's address to "my day" complete ({@link FirstScreen}). The
 * search: {@code GET /api/search?q=} with a practice's surname, which finds about seven leads and accounts. One
 * request or screen at a time, the three interleaved (me, screen, search, me, ...), the account managers taking turns.
 * Calls carry the account manager's bearer token: the benchmark's stack has no identity provider to sign in with, so
 * the gateway's session look-up and token relay are not in the figures.
 */
final class ConsoleBenchmark implements Benchmark {

	/** The region's account managers: each owns a tenth of the leads and accounts. */
	private static final int TEAM = 10;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What is measured, in the order each sample measures it. */
	private static final List<String> SIDES = List.of("baseline", "screen", "search");

	private static final List<String> SERVICES = List.of("lead-service", "account-service", "order-service",
			"notification-service");

	@Override
	public String name() {
		return "console";
	}

	@Override
	public List<Result> run(Settings settings) throws Exception {
		Sizes sizes = Sizes.of(settings);
		Tally tally = new Tally();
		List<Map<String, Object>> rounds = new ArrayList<>();
		Map<String, Object> details = new LinkedHashMap<>();
		try (Stack stack = Stack.start(settings.root(), settings.logs(), SERVICES, true, Map.of())) {
			String gateway = stack.url("gateway");
			List<SalesRecords.Manager> team = team(stack);
			SalesRecords records = new SalesRecords(gateway, team, sizes.leads(), sizes.accounts());
			details.putAll(seed(stack, records, sizes));
			Sides sides = new Sides(gateway, team, records.surnames());
			details.putAll(warmUp(sides, sizes.warmUp()));
			for (int round = 1; round <= settings.rounds(); round++) {
				rounds.add(measureRound(sides, round, sizes.samples(), tally));
			}
		}
		details.putAll(tally.medians());
		return results(tally, rounds, details);
	}

	/** The region's account managers, each with a bearer token of their own. */
	private static List<SalesRecords.Manager> team(Stack stack) {
		List<SalesRecords.Manager> team = new ArrayList<>();
		for (int m = 1; m <= TEAM; m++) {
			String user = (m == 1) ? "am.northeast" : "am.northeast." + m;
			team.add(new SalesRecords.Manager(user, stack.token(user, "ACCOUNT_MANAGER", SalesRecords.REGION, null)));
		}
		return team;
	}

	/** Puts the region's records and waits for what they set off to settle; what was put and how long that took. */
	private static Map<String, Object> seed(Stack stack, SalesRecords records, Sizes sizes) throws Exception {
		Map<String, Object> seeded = new LinkedHashMap<>();
		seeded.put("leads", sizes.leads());
		seeded.put("accounts", sizes.accounts());
		seeded.put("accountManagers", TEAM);
		seeded.putAll(records.put());
		seeded.put("quietAfterSeedSeconds", Result.round(awaitQuiet(stack)));
		return seeded;
	}

	/**
	 * Samples not counted, so that the stores, caches and JIT are past their first calls; the first of them is a
	 * first screen alone, which tells what the screen fetches.
	 */
	private static Map<String, Object> warmUp(Sides sides, int samples) {
		FirstScreen.Requests requests = sides.screen(0);
		Map<String, Object> fetched = new LinkedHashMap<>();
		fetched.put("firstScreenFiles", requests.files());
		fetched.put("firstScreenApiCalls", requests.calls());
		for (int i = 1; i < samples; i++) {
			sides.measure(i);
		}
		return fetched;
	}

	/** One round of {@code samples} samples of each side, into the tally; the round's figures. */
	private Map<String, Object> measureRound(Sides sides, int round, int samples, Tally tally) {
		// counts from here: the searches of the warm-up or the round before are not this round's
		sides.hitsPerSearch();
		Map<String, Histogram> latencies = new LinkedHashMap<>();
		SIDES.forEach((side) -> latencies.put(side, histogram()));
		for (int i = 0; i < samples; i++) {
			sides.measure(i).forEach((side, micros) -> latencies.get(side).recordValue(micros));
		}
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("round", round);
		latencies.forEach((side, histogram) -> {
			tally.add(side, histogram);
			figures.put(side + "P95", Result.round(millis(histogram, 95)));
		});
		figures.put("samples", samples);
		figures.put("hitsPerSearch", sides.hitsPerSearch());
		Report.progress(name(), round, figures);
		return figures;
	}

	/** The first screen and the search, each against the baseline measured beside it. */
	private static List<Result> results(Tally tally, List<Map<String, Object>> rounds, Map<String, Object> details) {
		Map<String, Object> searchDetails = new LinkedHashMap<>();
		searchDetails.put("search", details.get("search"));
		searchDetails.put("baseline", details.get("baseline"));
		String note = "Through the gateway with account managers' bearer tokens (no identity provider in the benchmark's "
				+ "stack, so the session look-up and token relay are left out), one at a time, interleaved; baseline "
				+ "GET /api/me (200, no I/O).";
		return List.of(
				Result.of("console", tally.p95s("screen"), tally.p95s("baseline"), "ms p95", null, false, rounds,
						details,
						"The account manager's first screen with an empty cache: the page, its stylesheet and modules, "
								+ "GET /api/me, then my day's API calls as screens/my-day.js makes them, at most six "
								+ "requests at once. " + note),
				Result.of("console-search", tally.p95s("search"), tally.p95s("baseline"), "ms p95", null, false, rounds,
						searchDetails,
						"GET /api/search?q=<a practice's surname> (about " + SalesRecords.PER_SURNAME
								+ " leads and accounts each) among the same records. " + note));
	}

	/**
	 * Waits until every consumer group has caught up with the events the records caused (their notifications, the
	 * hand-overs), so that the measurement does not share the machine with them; the seconds it took.
	 */
	private static double awaitQuiet(Stack stack) {
		long started = System.nanoTime();
		long deadline = started + TimeUnit.MINUTES.toNanos(15);
		try (Admin admin = stack.admin()) {
			int quiet = 0;
			while (quiet < 2 && System.nanoTime() < deadline) {
				quiet = (lag(admin) == 0) ? quiet + 1 : 0;
				Stack.pause(Duration.ofSeconds(1));
			}
		}
		return (System.nanoTime() - started) / 1e9;
	}

	/** Events not yet consumed, summed over every consumer group and partition it has committed on. */
	private static long lag(Admin admin) {
		try {
			long lag = 0;
			for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
					.partitionsToOffsetAndMetadata()
					.get(30, TimeUnit.SECONDS);
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				committed.keySet().forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
				for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
					OffsetAndMetadata at = committed.get(end.getKey());
					lag += end.getValue().offset() - ((at != null) ? at.offset() : 0);
				}
			}
			return lag;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read the consumer groups' lag", ex);
		}
	}

	private static Histogram histogram() {
		return new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
	}

	private static double millis(Histogram histogram, double percentile) {
		return histogram.getValueAtPercentile(percentile) / 1000.0;
	}

	/** The median over the rounds of each percentile, and the samples of all rounds. */
	private static Map<String, Object> medians(List<Histogram> rounds) {
		Map<String, Object> medians = new LinkedHashMap<>();
		for (double percentile : new double[] { 50, 95, 99 }) {
			Stats stats = new Stats();
			rounds.forEach((histogram) -> stats.add(millis(histogram, percentile)));
			medians.put("p" + (int) percentile, Result.round(stats.median()));
		}
		medians.put("samples", rounds.stream().mapToLong(Histogram::getTotalCount).sum());
		return medians;
	}

	/** How many records, samples and warm-up samples: a full run's, a smoke run's, or -Dbench.console*=... */
	private record Sizes(int leads, int accounts, int samples, int warmUp) {

		static Sizes of(Settings settings) {
			return new Sizes(Integer.getInteger("bench.consoleLeads", settings.smoke() ? 40 : 10_000),
					Integer.getInteger("bench.consoleAccounts", settings.smoke() ? 20 : 5_000),
					Integer.getInteger("bench.consoleSamples", settings.smoke() ? 5 : 100),
					Integer.getInteger("bench.consoleWarmUp", settings.smoke() ? 1 : 20));
		}

	}

	/** Each side's rounds: their p95s, which the results compare, and their histograms, which the details sum up. */
	private static final class Tally {

		private final Map<String, Stats> p95s = new LinkedHashMap<>();

		private final Map<String, List<Histogram>> histograms = new LinkedHashMap<>();

		Tally() {
			for (String side : SIDES) {
				this.p95s.put(side, new Stats());
				this.histograms.put(side, new ArrayList<>());
			}
		}

		void add(String side, Histogram round) {
			this.p95s.get(side).add(millis(round, 95));
			this.histograms.get(side).add(round);
		}

		Stats p95s(String side) {
			return this.p95s.get(side);
		}

		/** Per side, in the order measured: the medians over the rounds and the samples of all rounds. */
		Map<String, Object> medians() {
			Map<String, Object> medians = new LinkedHashMap<>();
			this.histograms.forEach((side, rounds) -> medians.put(side, ConsoleBenchmark.medians(rounds)));
			return medians;
		}

	}

	/** The three things measured, one after another, the account managers and the search terms taking turns. */
	private static final class Sides {

		private final String gateway;

		private final List<SalesRecords.Manager> team;

		private final List<String> terms;

		/** Searches and their hits since {@link #hitsPerSearch()} was last asked, to show what the terms find. */
		private long searches;

		private long hits;

		Sides(String gateway, List<SalesRecords.Manager> team, List<String> terms) {
			this.gateway = gateway;
			this.team = team;
			this.terms = terms;
		}

		/** Sample {@code i}: microseconds of each side. */
		Map<String, Long> measure(int i) {
			SalesRecords.Manager manager = this.team.get(i % this.team.size());
			Map<String, Long> micros = new LinkedHashMap<>();
			micros.put("baseline", timed(() -> expect200(get("/api/me", manager.token()))));
			micros.put("screen", timed(() -> screen(i)));
			// a term a little further on each time: the terms are many, and each manager searches others'
			String term = this.terms.get((i * 7919) % this.terms.size());
			micros.put("search", timed(() -> {
				String body = expect200(get("/api/search?q=" + URLEncoder.encode(term, StandardCharsets.UTF_8),
						manager.token()));
				long found = JSON.readTree(body).path("items").size();
				if (found == 0 || !JSON.readTree(body).path("unavailable").isEmpty()) {
					throw new IllegalStateException("Searching for " + term + " found nothing or left a service out: "
							+ body);
				}
				this.searches++;
				this.hits += found;
				return body;
			}));
			return micros;
		}

		/** Hits per search since the last time this was asked. */
		double hitsPerSearch() {
			double average = (this.searches == 0) ? 0 : Result.round((double) this.hits / this.searches);
			this.searches = 0;
			this.hits = 0;
			return average;
		}

		FirstScreen.Requests screen(int i) {
			SalesRecords.Manager manager = this.team.get(i % this.team.size());
			return FirstScreen.load(this.gateway, manager.token(), manager.user());
		}

		private HttpResponse<String> get(String path, String token) {
			return SalesRecords.send(HttpRequest.newBuilder(URI.create(this.gateway + path))
				.timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/json")
				.build());
		}

		private static String expect200(HttpResponse<String> response) {
			if (response.statusCode() != 200) {
				throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
						+ response.body());
			}
			return response.body();
		}

		private static long timed(Supplier<?> work) {
			long started = System.nanoTime();
			work.get();
			return (System.nanoTime() - started) / 1000;
		}

	}

}
