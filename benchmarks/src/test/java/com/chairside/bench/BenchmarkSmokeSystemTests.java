package com.chairside.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each benchmark with tiny sizes against processes it starts: it must still run through and yield figures for both
 * sides. Never how fast (that is bin/chairside bench's job, on a quiet machine).
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
@Execution(ExecutionMode.CONCURRENT)
class BenchmarkSmokeSystemTests {

	private static final Settings SMOKE = Settings.smoke(Path.of(System.getProperty("chairside.root", "..")).toAbsolutePath().normalize());

	@Test
	void theEventPathDrainsThroughTheServiceAndThePlainConsumer() throws Exception {
		Result result = single(new EventPathBenchmark().run(smoke("event-path")));
		assertMeasured(result, "event-path");
		assertThat(result.rounds()).hasSize(SMOKE.rounds());
	}

	@Test
	void theProjectionRebuildIsMeasuredThroughTheRebuildApi() throws Exception {
		// a rebuild the API refuses or fails throws out of run(), failing this test
		Result result = single(new ProjectionRebuildBenchmark().run(smoke("projection-rebuild")));
		assertMeasured(result, "projection-rebuild");
		assertThat(result.rounds()).hasSize(SMOKE.rounds())
			.allSatisfy((round) -> assertThat((Long) round.get("eventsApplied")).isPositive());
	}

	@Test
	void apiLatencyMeasuresCreateLeadAndTheRefusedCallAtEachRate() {
		Result result = single(new ApiLatencyBenchmark().run(smoke("api-latency")));
		assertMeasured(result, "api-latency");
		// one entry per round, rate and side, each answered as expected (the baseline's 400 counts as expected)
		assertThat(result.rounds()).hasSize(SMOKE.rounds() * SMOKE.rates().size() * 2)
			.allSatisfy((round) -> assertThat(round.get("errors")).isEqualTo(0L));
	}

	@Test
	void endToEndAndFootprintMeasureTheSameProcesses() throws Exception {
		List<Result> results = new EndToEndBenchmark(true, true).run(smoke("end-to-end"));
		assertThat(results).extracting(Result::name).containsExactly("end-to-end", "footprint");
		assertMeasured(results.get(0), "end-to-end");
		assertMeasured(results.get(1), "footprint");
		assertThat(Report.markdown(List.of())).startsWith("| Benchmark |");
	}

	@Test
	void theStoreAloneIsMeasuredOnEachBackendForEveryOperation() throws Exception {
		Result result = single(new StoreBenchmark().run(smoke("store")));
		assertMeasured(result, "store");
		// library defaults, devstack's settings and the memory backend; five operations with one and with four clients
		assertThat(result.rounds()).hasSize(SMOKE.rounds() * 3 * 5 * 2)
			.allSatisfy((round) -> assertThat((Double) round.get("perSecond")).isPositive());
	}

	/** The smoke sizes, with logs of their own: the benchmarks run two at a time, each against its own processes. */
	private static Settings smoke(String benchmark) {
		return SMOKE.withLogs(SMOKE.logs().resolve(benchmark));
	}

	private static Result single(List<Result> results) {
		assertThat(results).hasSize(1);
		return results.get(0);
	}

	private static void assertMeasured(Result result, String name) {
		assertThat(result.name()).isEqualTo(name);
		assertThat(result.suiteValue()).as("suite figure").isNotNull().isPositive();
		assertThat(result.baselineValue()).as("baseline figure").isNotNull().isPositive();
		assertThat(result.ratio()).isPositive();
		assertThat(result.machine()).isNotBlank();
	}

}
