package com.chairside.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code prometheus/} and {@code grafana/}, run by docker-compose's {@code cluster} profile, checked as data (no engine
 * runs them here): the dashboards and the alert rules parse, every alert waits a {@code for:} duration and says what is
 * wrong in a summary, every panel reads the provisioned data source, Prometheus scrapes every service and the gateway
 * with the admin token, and the compose file runs pinned images with these files. That the metrics they name exist is
 * for the running suite to say ({@code DashboardMetricsSystemTests} in system-tests).
 */
class MonitoringUnitTests {

	static final Path DEPLOY = Path.of(".");

	static final Map<String, Integer> SCRAPED = Map.of("lead-service", 8081, "account-service", 8082, "order-service",
			8083, "notification-service", 8084, "reporting-service", 8085, "gateway", 8080);

	@Test
	@SuppressWarnings("unchecked")
	void everyAlertHasAnExpressionADurationAndASummary() throws IOException {
		List<Map<String, Object>> rules = new ArrayList<>();
		for (Path file : files(DEPLOY.resolve("prometheus/rules"), ".yml")) {
			for (Map<String, Object> group : (List<Map<String, Object>>) yaml(file).get("groups")) {
				assertThat(group.get("name")).as(file + ": a group's name").isNotNull();
				rules.addAll((List<Map<String, Object>>) group.get("rules"));
			}
		}
		assertThat(rules).extracting((rule) -> rule.get("alert"))
			.contains("ChairsideServiceDown", "ChairsideServerErrors", "ChairsideOutboxStalled",
					"ChairsideConsumerLagHigh", "ChairsideConsumerLagGrowing", "ChairsideDeadLetter",
					"ChairsideCircuitBreakerOpen")
			.doesNotHaveDuplicates();
		for (Map<String, Object> rule : rules) {
			String alert = String.valueOf(rule.get("alert"));
			assertThat(String.valueOf(rule.get("expr"))).as(alert + " expr").isNotBlank().isNotEqualTo("null");
			assertThat(String.valueOf(rule.get("for"))).as(alert + " for").matches("\\d+[smhdw]");
			Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
			assertThat(annotations).as(alert + " annotations").isNotNull();
			assertThat(String.valueOf(annotations.get("summary"))).as(alert + " summary").isNotBlank().isNotEqualTo("null");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyDashboardPanelQueriesTheProvisionedPrometheus() throws IOException {
		Map<String, Object> sources = yaml(DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yml"));
		Map<String, Object> prometheus = ((List<Map<String, Object>>) sources.get("datasources")).get(0);
		assertThat(prometheus).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
		Map<String, Object> providers = yaml(DEPLOY.resolve("grafana/provisioning/dashboards/chairside.yml"));
		assertThat(((List<Map<String, Object>>) providers.get("providers")).get(0).get("options"))
			.isEqualTo(Map.of("path", "/var/lib/grafana/dashboards"));

		List<Path> dashboards = files(DEPLOY.resolve("grafana/dashboards"), ".json");
		assertThat(dashboards).isNotEmpty();
		for (Path file : dashboards) {
			Map<String, Object> dashboard = yaml(file);
			assertThat(dashboard.get("uid")).as(file + " uid").isNotNull();
			List<Map<String, Object>> panels = (List<Map<String, Object>>) dashboard.get("panels");
			assertThat(panels).as(file + " panels").isNotEmpty();
			for (Map<String, Object> panel : panels) {
				String title = file.getFileName() + ": " + panel.get("title");
				assertThat((Map<String, Object>) panel.get("datasource")).as(title).containsEntry("uid", prometheus.get("uid"));
				List<Map<String, Object>> targets = (List<Map<String, Object>>) panel.get("targets");
				assertThat(targets).as(title + " queries").isNotEmpty()
					.allSatisfy((target) -> assertThat(String.valueOf(target.get("expr"))).as(title).isNotBlank());
			}
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void prometheusScrapesEveryServiceAndTheGatewayWithTheAdminToken() throws IOException {
		Map<String, Object> config = yaml(DEPLOY.resolve("prometheus/prometheus.yml"));
		assertThat((List<String>) config.get("rule_files")).containsExactly("/etc/prometheus/rules/*.yml");
		List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
		assertThat(jobs).extracting((job) -> job.get("job_name")).containsExactlyInAnyOrderElementsOf(SCRAPED.keySet());
		for (Map<String, Object> job : jobs) {
			String name = String.valueOf(job.get("job_name"));
			assertThat(job).as(name).containsEntry("metrics_path", "/actuator/prometheus")
				.containsEntry("authorization", Map.of("type", "Bearer", "credentials_file", "/etc/prometheus/scrape-token"));
			assertThat((List<Map<String, Object>>) job.get("static_configs")).as(name)
				.containsExactly(Map.of("targets", List.of(name + "-cluster:" + SCRAPED.get(name))));
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theClusterProfileRunsPinnedPrometheusAndGrafanaOnTheseFiles() throws IOException {
		Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) yaml(Path.of("..", "docker-compose.yml"))
			.get("services");
		Map<String, Object> prometheus = services.get("prometheus");
		assertThat(prometheus.get("profiles")).isEqualTo(List.of("cluster"));
		assertThat(String.valueOf(prometheus.get("image"))).matches("prom/prometheus:v\\d+\\.\\d+\\.\\d+");
		assertThat((List<String>) prometheus.get("volumes")).contains(
				"./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
				"./deploy/prometheus/rules:/etc/prometheus/rules:ro")
			.anyMatch((volume) -> volume.endsWith(":/etc/prometheus/scrape-token:ro"));
		Map<String, Object> grafana = services.get("grafana");
		assertThat(grafana.get("profiles")).isEqualTo(List.of("cluster"));
		assertThat(String.valueOf(grafana.get("image"))).matches("grafana/grafana:\\d+\\.\\d+\\.\\d+");
		assertThat((List<String>) grafana.get("volumes")).containsExactlyInAnyOrder(
				"./deploy/grafana/provisioning:/etc/grafana/provisioning:ro",
				"./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro");
		for (String target : SCRAPED.keySet()) {
			assertThat(services).as("scraped by Prometheus").containsKey(target + "-cluster");
		}
	}

	/** A YAML file, or a JSON one (JSON is YAML), with the compose file's merge keys resolved. */
	static Map<String, Object> yaml(Path file) throws IOException {
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(200);
		try (Reader in = Files.newBufferedReader(file)) {
			return new Yaml(options).load(in);
		}
	}

	static List<Path> files(Path folder, String suffix) throws IOException {
		try (Stream<Path> paths = Files.list(folder)) {
			return paths.filter((p) -> p.toString().endsWith(suffix)).sorted().toList();
		}
	}

}
