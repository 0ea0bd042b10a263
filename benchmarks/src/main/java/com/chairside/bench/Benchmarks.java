package com.chairside.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Benchmarks [--smoke] [name...]} (or {@code --render}: latest.md again from latest.json): runs the named benchmarks (all by default), prints the table and, for
 * a full run, writes benchmarks/results/latest.json and latest.md. bin/chairside bench is the way in.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		try {
			runMain(args);
		}
		catch (Exception ex) {
			ex.printStackTrace();
			// the HTTP client's threads would keep the JVM (and bin/chairside bench) waiting
			System.exit(1);
		}
		System.exit(0);
	}

	private static void runMain(String[] args) throws Exception {
		// devstack's jar brings its own logback.xml (INFO, for the parts it runs); the clients here need only warnings.
		System.setProperty("logback.configurationFile", "bench-logback.xml");
		if (List.of(args).contains("--render")) {
			Report.render(Path.of(System.getProperty("chairside.root", ".")).resolve("benchmarks/results"));
			return;
		}
		boolean smoke = List.of(args).contains("--smoke");
		List<String> names = new ArrayList<>(List.of(args));
		names.remove("--smoke");
		List<String> unknown = names.stream().filter((name) -> !Report.ORDER.contains(name)).toList();
		if (!unknown.isEmpty()) {
			// a mistyped name or option is the user's to correct: say so plainly, no stack trace
			System.err.println("usage: bin/chairside bench [--smoke] [name...]; unknown: " + String.join(" ", unknown)
					+ " (benchmarks: " + String.join(" ", Report.ORDER) + ")");
			System.exit(2);
		}
		Path root = Path.of(System.getProperty("chairside.root", ".")).toAbsolutePath().normalize();
		Settings settings = smoke ? Settings.smoke(root) : Settings.full(root);
		Path folder = root.resolve(smoke ? "benchmarks/target/smoke-results" : "benchmarks/results");
		// Written after each benchmark: one that fails late must not take the others' figures with it.
		run(settings, names.isEmpty() ? Report.ORDER : names, (done) -> Report.write(folder, done));
		Report.render(folder);
		System.out.println("\nwritten: " + folder.resolve("latest.json") + " and latest.md");
	}

	/** Runs the named benchmarks in the order of {@link Report#ORDER}; end-to-end and footprint share one run. */
	static List<Result> run(Settings settings, List<String> names) throws Exception {
		return run(settings, names, (done) -> {
		});
	}

	/** Where each benchmark's results go as soon as it is done. */
	interface Sink {

		void accept(List<Result> done) throws Exception;

	}

	static List<Result> run(Settings settings, List<String> names, Sink sink) throws Exception {
		for (String name : names) {
			if (!Report.ORDER.contains(name)) {
				throw new IllegalArgumentException("No benchmark named '" + name + "' (" + String.join(", ", Report.ORDER) + ")");
			}
		}
		Map<String, Benchmark> benchmarks = new LinkedHashMap<>();
		benchmarks.put("event-path", new EventPathBenchmark());
		benchmarks.put("projection-rebuild", new ProjectionRebuildBenchmark());
		benchmarks.put("api-latency", new ApiLatencyBenchmark());
		boolean endToEnd = names.contains("end-to-end");
		boolean footprint = names.contains("footprint");
		if (endToEnd || footprint) {
			benchmarks.put(endToEnd ? "end-to-end" : "footprint", new EndToEndBenchmark(endToEnd, footprint));
		}
		if (names.contains("console") || names.contains("console-search")) {
			benchmarks.put(names.contains("console") ? "console" : "console-search", new ConsoleBenchmark());
		}
		benchmarks.put("store", new StoreBenchmark());
		List<Result> results = new ArrayList<>();
		System.out.println("Chairside benchmarks (" + settings.mode() + ") on " + Machine.describe());
		for (Map.Entry<String, Benchmark> benchmark : benchmarks.entrySet()) {
			if (!names.contains(benchmark.getKey())) {
				continue;
			}
			long started = System.nanoTime();
			System.out.println(benchmark.getKey() + "...");
			List<Result> done = benchmark.getValue().run(settings);
			sink.accept(done);
			results.addAll(done);
			System.out.printf("%s done in %.0f s%n", benchmark.getKey(), (System.nanoTime() - started) / 1e9);
		}
		return results;
	}

}
