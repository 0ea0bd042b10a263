package com.chairside.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Benchmarks [--smoke] [name...]}: runs the named benchmarks (all five by default), prints the table and, for
 * a full run, writes benchmarks/results/latest.json and latest.md. bin/chairside bench is the way in.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		// devstack's jar brings its own logback.xml (INFO, for the parts it runs); the clients here need only warnings.
		System.setProperty("logback.configurationFile", "bench-logback.xml");
		boolean smoke = List.of(args).contains("--smoke");
		List<String> names = new ArrayList<>(List.of(args));
		names.remove("--smoke");
		Path root = Path.of(System.getProperty("chairside.root", ".")).toAbsolutePath().normalize();
		Settings settings = smoke ? Settings.smoke(root) : Settings.full(root);
		List<Result> results = run(settings, names.isEmpty() ? Report.ORDER : names);
		Path folder = root.resolve(smoke ? "benchmarks/target/smoke-results" : "benchmarks/results");
		List<Map<String, Object>> all = Report.write(folder, results);
		Report.print(all);
		System.out.println("\nwritten: " + folder.resolve("latest.json") + " and latest.md");
		System.exit(0);
	}

	/** Runs the named benchmarks in the order of {@link Report#ORDER}; end-to-end and footprint share one run. */
	static List<Result> run(Settings settings, List<String> names) throws Exception {
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
		List<Result> results = new ArrayList<>();
		System.out.println("Chairside benchmarks (" + settings.mode() + ") on " + Machine.describe());
		for (Map.Entry<String, Benchmark> benchmark : benchmarks.entrySet()) {
			if (!names.contains(benchmark.getKey())) {
				continue;
			}
			long started = System.nanoTime();
			System.out.println(benchmark.getKey() + "...");
			results.addAll(benchmark.getValue().run(settings));
			System.out.printf("%s done in %.0f s%n", benchmark.getKey(), (System.nanoTime() - started) / 1e9);
		}
		return results;
	}

}
