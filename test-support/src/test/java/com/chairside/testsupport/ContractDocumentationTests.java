package com.chairside.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the published language from drifting: every event has a schema and a valid example; the README's events table
 * says what the AsyncAPI document says; and each service consumes exactly the topics, under the group, that the
 * AsyncAPI document declares for it.
 */
class ContractDocumentationTests {

	private final Path contracts = Contracts.folder();

	private final Path root = this.contracts.getParent();

	@Test
	void everyEventHasASchemaAndAnExampleThatConformsToIt() throws IOException {
		List<String> types;
		try (Stream<Path> files = Files.list(this.contracts.resolve("events"))) {
			types = files.map((f) -> f.getFileName().toString())
				.filter((n) -> n.endsWith(".schema.json"))
				.map((n) -> n.replace(".schema.json", ""))
				.sorted()
				.toList();
		}
		assertThat(types).isNotEmpty();
		for (String type : types) {
			assertThat(Contracts.violations(type, Contracts.example(type))).as(type).isEmpty();
			assertThat(Contracts.violations(type, "{}")).as("an empty %s is refused", type).isNotEmpty();
		}
	}

	@Test
	void theReadmeEventsTableSaysWhatTheAsyncApiDocumentSays() throws IOException {
		String readme = Files.readString(this.root.resolve("README.md"));
		String table = readme.substring(readme.indexOf("<!-- events-table:start -->"),
				readme.indexOf("<!-- events-table:end -->"));
		List<String> documented = table.lines()
			.filter((line) -> line.startsWith("| `"))
			.map((line) -> line.replace("`", "").replaceAll("\\s+", " ").trim())
			.sorted()
			.toList();
		assertThat(documented).containsExactlyElementsOf(rowsFromAsyncApi());
	}

	@Test
	void eachServiceConsumesWhatTheAsyncApiDocumentDeclares() throws IOException {
		Map<String, TreeSet<String>> declared = new TreeMap<>();
		for (Map<String, Object> operation : operations()) {
			if ("receive".equals(operation.get("action"))) {
				declared.computeIfAbsent((String) operation.get("x-consumer-group"), (g) -> new TreeSet<>())
					.add(address(operation));
			}
		}
		for (Map.Entry<String, TreeSet<String>> group : declared.entrySet()) {
			String yaml = Files.readString(this.root.resolve(group.getKey() + "/src/main/resources/application.yml"));
			Map<String, Object> bindings = path(new Yaml().load(yaml), "spring", "cloud", "stream", "bindings");
			TreeSet<String> bound = new TreeSet<>();
			for (Object binding : bindings.values()) {
				@SuppressWarnings("unchecked")
				Map<String, Object> b = (Map<String, Object>) binding;
				assertThat(b.get("group")).as(group.getKey() + " binds under its own group").isEqualTo(group.getKey());
				bound.add((String) b.get("destination"));
			}
			assertThat(bound).as(group.getKey()).isEqualTo(group.getValue());
		}
	}

	/** {@code | topic | event | key | producer | consumers |}, one per event, from the operations. */
	private List<String> rowsFromAsyncApi() throws IOException {
		Map<String, String> producers = new TreeMap<>();
		Map<String, TreeSet<String>> consumers = new TreeMap<>();
		Map<String, String> topics = new TreeMap<>();
		for (Map<String, Object> operation : operations()) {
			for (String event : messages(operation)) {
				topics.put(event, address(operation));
				if ("send".equals(operation.get("action"))) {
					producers.put(event, (String) operation.get("x-producer"));
				}
				else {
					consumers.computeIfAbsent(event, (e) -> new TreeSet<>()).add((String) operation.get("x-consumer-group"));
				}
			}
		}
		List<String> rows = new ArrayList<>();
		for (String event : producers.keySet()) {
			String topic = topics.get(event);
			String key = topic.replace("chairside.", "").replaceAll("s$", "") + "Id";
			rows.add(("| " + topic + " | " + event + " | " + key + " | " + producers.get(event) + " | "
					+ String.join(", ", consumers.getOrDefault(event, new TreeSet<>())) + " |").replaceAll("\\s+", " "));
		}
		return rows.stream().sorted().toList();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> operations() throws IOException {
		Map<String, Object> operations = path(asyncApi(), "operations");
		return operations.values().stream().map((o) -> (Map<String, Object>) o).toList();
	}

	private String address(Map<String, Object> operation) throws IOException {
		String ref = (String) ((Map<?, ?>) operation.get("channel")).get("$ref");
		Map<String, Object> channel = path(asyncApi(), "channels", ref.substring(ref.lastIndexOf('/') + 1));
		return (String) channel.get("address");
	}

	private static List<String> messages(Map<String, Object> operation) {
		return ((List<?>) operation.get("messages")).stream()
			.map((m) -> (String) ((Map<?, ?>) m).get("$ref"))
			.map((ref) -> ref.substring(ref.lastIndexOf('/') + 1))
			.toList();
	}

	private Map<String, Object> asyncApi() throws IOException {
		return new Yaml().load(Files.readString(this.contracts.resolve("asyncapi.yaml")));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> path(Map<String, Object> map, String... keys) {
		Map<String, Object> current = map;
		for (String key : keys) {
			current = (Map<String, Object>) current.get(key);
		}
		return current;
	}

}
