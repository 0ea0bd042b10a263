package com.chairside.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

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
	void apiLatencyClimbsTheLadderForCreateLeadAndTheCallWithoutIo() throws Exception {
		Result result = single(new ApiLatencyBenchmark().run(smoke("api-latency")));
		assertMeasured(result, "api-latency");
		assertKnees(result);
		assertThat(result.details()).containsEntry("p99TargetAt50", 3.0).containsKey("p99RatioAt50").containsKey("p99MetAt50");
		assertThat((List<?>) result.details().get("ladder")).hasSize(SMOKE.ladder().size());
	}

	@Test
	void endToEndAndFootprintMeasureTheSameProcesses() throws Exception {
		List<Result> results = new EndToEndBenchmark(true, true).run(smoke("end-to-end"));
		assertThat(results).extracting(Result::name).containsExactly("end-to-end", "footprint");
		Result endToEnd = results.get(0);
		// the plain pipeline's consumer stored its notifications in the store (at least the three departments every
		// change is routed to), and the steps read them back from there
		assertThat((Long) endToEnd.details().get("baselineNotificationsStored")).as("baseline's notifications stored")
			.isPositive();
		assertMeasured(endToEnd, "end-to-end");
		assertKnees(endToEnd);
		assertThat(endToEnd.details()).containsEntry("p99TargetAt25", 4.0).containsKey("p99RatioAt25").containsKey("p99MetAt25");
		List<Map<String, Object>> sustained = endToEnd.rounds()
			.stream()
			.filter((row) -> row.get("side").equals("baseline") && Boolean.TRUE.equals(row.get("sustained")))
			.toList();
		assertThat(sustained).isNotEmpty()
			.allSatisfy((row) -> assertThat((Long) row.get("notificationsStored")).isGreaterThanOrEqualTo(3 * (Long) row.get("sent")));

		Result footprint = results.get(1);
		assertMeasured(footprint, "footprint");
		assertThat(footprint.maxServiceRssMb()).isPositive();
		// a smoke run never times bin/chairside up: the figure is left out and the details say why
		assertThat(footprint.upSeconds()).isNull();
		assertThat(footprint.details()).containsKey("upSecondsNotMeasured").containsKeys("upMet", "rssMet");
		assertThat(Report.markdown(results.stream().map(BenchmarkSmokeSystemTests::entry).toList()))
			.contains("changes/s at the knee", "suiteKnee", "maxServiceRssMb");
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

	/** Both sides sustained at least the ladder's lowest rate, and the ratio compared is the knees'. */
	private static void assertKnees(Result result) {
		assertThat(result.suiteKnee()).as("suite knee").isNotNull().isGreaterThanOrEqualTo(SMOKE.ladder().get(0));
		assertThat(result.baselineKnee()).as("baseline knee").isNotNull().isGreaterThanOrEqualTo(SMOKE.ladder().get(0));
		assertThat(result.ratio()).isEqualTo(Result.round(result.suiteKnee() / result.baselineKnee()));
		assertThat(result.target()).isEqualTo(0.5);
		assertThat(result.higherIsBetter()).isTrue();
	}

	/** A result as latest.json holds it. */
	private static Map<String, Object> entry(Result result) {
		return JsonMapper.builder().build().convertValue(result, new TypeReference<Map<String, Object>>() {
		});
	}

	private static void assertMeasured(Result result, String name) {
		assertThat(result.name()).isEqualTo(name);
		assertThat(result.suiteValue()).as("suite figure").isNotNull().isPositive();
		assertThat(result.baselineValue()).as("baseline figure").isNotNull().isPositive();
		assertThat(result.ratio()).isPositive();
		assertThat(result.machine()).isNotBlank();
	}

}
