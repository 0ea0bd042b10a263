package com.chairside.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.KafkaProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric the Grafana dashboards ({@code deploy/grafana/dashboards}) and the Prometheus alert rules
 * ({@code deploy/prometheus/rules}) name is one the running suite exports on some service's
 * {@code /actuator/prometheus}, read as Prometheus reads it: with an admin's token, in the text format. {@code up} is
 * Prometheus's own. The meters the rules need before anything happens (outbox backlog, dead letters, consumer lag,
 * breakers) exist from the start; the HTTP meters from a service's first request (scrapes and probes are not
 * observed), which the test makes.
 */
class DashboardMetricsSystemTests {

	static final Path DEPLOY = Path.of("..", "deploy");

	static final List<String> SCRAPED = Stream.concat(Suite.SERVICES.stream(), Stream.of("gateway")).toList();

	static final String DEAD_LETTERS = "chairside_inbox_dead_letters_total";

	static Suite suite;

	@BeforeAll
	static void start() {
		suite = Suite.get();
	}

	@Test
	void everyMetricADashboardOrAlertNamesIsExportedByARunningService() throws IOException {
		Map<String, Set<String>> named = namedMetrics();
		assertThat(named).as("metrics the dashboards and rules name").containsKeys("chairside_outbox_pending",
				"chairside_outbox_oldest_age_seconds", "spring_cloud_stream_binder_kafka_offset",
				"chairside_inbox_dead_letters_total", "resilience4j_circuitbreaker_state",
				"http_server_requests_seconds_count", "jvm_memory_used_bytes");
		named.remove("up");
		String admin = suite.token("prometheus", "ADMIN", null, null);
		// Scrapes and probes are not observed, so the HTTP meters come from a request people make: a list of accounts,
		// through the gateway.
		assertThat(suite.accountManager("NORTHEAST").get("/api/accounts").status()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Set<String> exported = new TreeSet<>();
			for (String part : SCRAPED) {
				exported.addAll(seriesNames(scrape(part, admin)));
			}
			Map<String, Set<String>> missing = new TreeMap<>(named);
			missing.keySet().removeAll(exported);
			assertThat(missing).as("metric -> the dashboards and rules naming it, not exported by any of " + SCRAPED)
				.isEmpty();
		});
	}

	/**
	 * The dead-letter counter counts what the binder really dead-letters: a record on {@code chairside.targets} that is
	 * no CloudEvent goes straight to {@code chairside.targets.reporting-service.dlt} (a rebuild skips it), and
	 * reporting-service's counter for that topic and group goes up.
	 */
	@Test
	void aRecordTheConsumerGivesUpOnIsCountedAsADeadLetterOfItsTopicAndGroup() {
		String admin = suite.token("prometheus", "ADMIN", null, null);
		String[] labels = { "group=\"reporting-service\"", "topic=\"chairside.targets\"" };
		double before = value(scrape("reporting-service", admin), DEAD_LETTERS, labels);
		try (KafkaProbe kafka = new KafkaProbe(suite.kafka().address())) {
			kafka.send(new ProducerRecord<>("chairside.targets", "dashboard-metrics-poison", "not a CloudEvent"));
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(value(scrape("reporting-service", admin), DEAD_LETTERS, labels)).isGreaterThan(before));
	}

	static String scrape(String part, String token) {
		Api.Response scrape = suite.direct(part).as(token)
			.send("GET", "/actuator/prometheus", null, Map.of("Accept", "text/plain"));
		assertThat(scrape.status()).as(part + " answers the scrape").isEqualTo(200);
		return scrape.body();
	}

	/** The value of the series of {@code metric} that carries every one of {@code labels}; 0 when there is none. */
	static double value(String exposition, String metric, String... labels) {
		return exposition.lines()
			.filter((line) -> line.startsWith(metric + "{") && Stream.of(labels).allMatch(line::contains))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElse(0);
	}

	/** Each metric the dashboards' and rules' expressions read, with where it is read. */
	static Map<String, Set<String>> namedMetrics() throws IOException {
		Map<String, Set<String>> named = new TreeMap<>();
		for (Path dashboard : files(DEPLOY.resolve("grafana/dashboards"), ".json")) {
			for (JsonNode panel : JsonMapper.builder().build().readTree(dashboard.toFile()).path("panels")) {
				for (JsonNode target : panel.path("targets")) {
					String where = dashboard.getFileName() + ": " + panel.path("title").asString();
					PromQl.metricNames(target.path("expr").asString())
						.forEach((name) -> named.computeIfAbsent(name, (n) -> new TreeSet<>()).add(where));
				}
			}
		}
		for (Path rules : files(DEPLOY.resolve("prometheus/rules"), ".yml")) {
			for (Map<String, Object> rule : rules(rules)) {
				String where = rules.getFileName() + ": " + rule.get("alert");
				PromQl.metricNames(String.valueOf(rule.get("expr")))
					.forEach((name) -> named.computeIfAbsent(name, (n) -> new TreeSet<>()).add(where));
			}
		}
		return named;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> rules(Path file) throws IOException {
		try (Reader in = Files.newBufferedReader(file)) {
			Map<String, Object> document = new Yaml().load(in);
			List<Map<String, Object>> rules = new ArrayList<>();
			for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
				rules.addAll((List<Map<String, Object>>) group.get("rules"));
			}
			return rules;
		}
	}

	static List<Path> files(Path folder, String suffix) throws IOException {
		try (Stream<Path> paths = Files.list(folder)) {
			return paths.filter((p) -> p.toString().endsWith(suffix)).sorted().toList();
		}
	}

	/** The series names of a scrape in Prometheus's text format. */
	static Set<String> seriesNames(String exposition) {
		Set<String> names = new TreeSet<>();
		exposition.lines().filter((line) -> !line.isBlank() && !line.startsWith("#")).forEach((line) -> {
			int end = line.indexOf('{');
			names.add(line.substring(0, (end >= 0) ? end : line.indexOf(' ')));
		});
		return names;
	}

}
