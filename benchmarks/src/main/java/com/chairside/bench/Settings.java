package com.chairside.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The sizes of a run. {@code full} is the (bin/chairside bench); {@code smoke} only checks that each benchmark
 * still works, in seconds (BenchmarkSmokeSystemTests, in the build). Any size can be overridden with a system property, e.g.
 * {@code -Dbench.events=20000}, to try a change quickly.
 *
 * @param events OrderChanged events the notification service drains per round (event-path)
 * @param rebuildEvents events the reporting service rebuilds from (projection-rebuild)
 * @param rates arrival rates of create-lead, per second (api-latency)
 * @param warmUp load before the measured steps (api-latency)
 * @param step how long each rate is held per round (api-latency)
 * @param changeRate orders changed per second (end-to-end)
 * @param changeWindow how long each end-to-end round changes orders
 * @param rounds rounds per side, interleaved baseline and suite
 */
record Settings(String mode, Path root, Path logs, int events, int rebuildEvents, List<Integer> rates, Duration warmUp,
		Duration step, int changeRate, Duration changeWindow, int rounds) {

	static Settings full(Path root) {
		return new Settings("full", root, root.resolve("benchmarks/target/bench-logs"), size("bench.events", 100_000),
				size("bench.rebuildEvents", 1_000_000), List.of(50, 200, 400), seconds("bench.warmUp", 60),
				seconds("bench.step", 15), size("bench.changeRate", 200), seconds("bench.changeWindow", 30),
				size("bench.rounds", 3));
	}

	static Settings smoke(Path root) {
		return new Settings("smoke", root, root.resolve("benchmarks/target/smoke-logs"), size("bench.events", 200),
				size("bench.rebuildEvents", 500), List.of(20, 50), seconds("bench.warmUp", 2), seconds("bench.step", 2),
				size("bench.changeRate", 20), seconds("bench.changeWindow", 3), size("bench.rounds", 1));
	}

	/** The same sizes, the processes' logs in {@code folder}: benchmarks running side by side keep theirs apart. */
	Settings withLogs(Path folder) {
		return new Settings(this.mode, this.root, folder, this.events, this.rebuildEvents, this.rates, this.warmUp,
				this.step, this.changeRate, this.changeWindow, this.rounds);
	}

	boolean smoke() {
		return this.mode.equals("smoke");
	}

	private static int size(String property, int otherwise) {
		return Integer.getInteger(property, otherwise);
	}

	private static Duration seconds(String property, int otherwise) {
		return Duration.ofSeconds(Integer.getInteger(property, otherwise));
	}

}
