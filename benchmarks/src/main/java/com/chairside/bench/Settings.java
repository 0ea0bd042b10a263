package com.chairside.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The sizes of a run. {@code full} is the (bin/chairside bench); {@code smoke} only checks that each benchmark
 * still works, in seconds (BenchmarkSmokeSystemTests, in the build). Any size can be overridden with a system property, e.g.
 * {@code -Dbench.events=20000}, to try a change quickly.
 *
 * @param events OrderChanged events the notification service drains per round (event-path)
 * @param rebuildEvents events the reporting service rebuilds from (projection-rebuild)
 * @param ladder the rates each side is driven at, lowest first, per second: create-lead and {@code GET /api/me}
 * (api-latency), order changes (end-to-end); a side's knee is the highest it sustains
 * @param warmUp load before the measured steps, half for each side (api-latency at the ladder's second rate,
 * end-to-end at its lowest)
 * @param step how long each rate is held per round (api-latency)
 * @param changeWindow how long each rate of the ladder changes orders per round (end-to-end)
 * @param rounds rounds per side, interleaved baseline and suite
 */
record Settings(String mode, Path root, Path logs, int events, int rebuildEvents, List<Integer> ladder, Duration warmUp,
		Duration step, Duration changeWindow, int rounds) {

	static Settings full(Path root) {
		return new Settings("full", root, root.resolve("benchmarks/target/bench-logs"), size("bench.events", 100_000),
				size("bench.rebuildEvents", 1_000_000), rates("bench.ladder", "10,25,50,100,200"),
				seconds("bench.warmUp", 60), seconds("bench.step", 15), seconds("bench.changeWindow", 10),
				size("bench.rounds", 3));
	}

	static Settings smoke(Path root) {
		return new Settings("smoke", root, root.resolve("benchmarks/target/smoke-logs"), size("bench.events", 200),
				size("bench.rebuildEvents", 500), rates("bench.ladder", "2,5"), seconds("bench.warmUp", 2),
				seconds("bench.step", 2), seconds("bench.changeWindow", 2), size("bench.rounds", 1));
	}

	/** The same sizes, the processes' logs in {@code folder}: benchmarks running side by side keep theirs apart. */
	Settings withLogs(Path folder) {
		return new Settings(this.mode, this.root, folder, this.events, this.rebuildEvents, this.ladder, this.warmUp,
				this.step, this.changeWindow, this.rounds);
	}

	boolean smoke() {
		return this.mode.equals("smoke");
	}

	private static int size(String property, int otherwise) {
		return Integer.getInteger(property, otherwise);
	}

	/** A comma-separated list of rates, e.g. {@code -Dbench.ladder=10,25,50}, in ascending order. */
	private static List<Integer> rates(String property, String otherwise) {
		return Arrays.stream(System.getProperty(property, otherwise).split(","))
			.map(String::trim)
			.filter((rate) -> !rate.isEmpty())
			.map(Integer::valueOf)
			.sorted()
			.toList();
	}

	private static Duration seconds(String property, int otherwise) {
		return Duration.ofSeconds(Integer.getInteger(property, otherwise));
	}

}
