package com.chairside.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the published language from drifting: every event has a schema and a valid example; the events tables of the
 * README and of contracts/README.md say what the AsyncAPI document says (regenerate them with
 * {@code -Dchairside.docs.regenerate=true}); and each service consumes exactly the topics, under the group, that the
 * AsyncAPI document declares for it.
 */
class ContractDocumentationUnitTests {

	/** The system property that makes the events-table tests write the tables from the AsyncAPI document. */
	static final String REGENERATE = "chairside.docs.regenerate";

	private static final String TABLE_START = "<!-- events-table:start -->";

	private static final String TABLE_END = "<!-- events-table:end -->";

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
		List<String> rows = new ArrayList<>();
		for (Event event : eventsFromAsyncApi()) {
			rows.add(row("`" + event.topic() + "`", event.name(), event.key(), event.producer(),
					String.join(", ", event.consumers())));
		}
		assertTableIsGenerated(this.root.resolve("README.md"), "| topic | event | key | producer | consumers |", rows);
	}

	@Test
	void theContractsReadmeEventsTableSaysWhatTheAsyncApiDocumentSays() throws IOException {
		List<String> rows = new ArrayList<>();
		for (Event event : eventsFromAsyncApi()) {
			rows.add(row(event.name(), "`" + event.type() + "`", "`" + event.topic() + "`", event.key(), event.producer(),
					String.join(", ", event.consumers())));
		}
		assertTableIsGenerated(this.contracts.resolve("README.md"),
				"| event | ce_type | topic | key | producer | consumers |", rows);
	}

	/**
	 * The table between the file's {@code events-table} markers is the header and the rows made from the AsyncAPI
	 * document (in any order; whitespace aside). With {@code -D}{@value #REGENERATE}{@code =true} the table is written
	 * from the document instead.
	 */
	private static void assertTableIsGenerated(Path file, String header, List<String> rows) throws IOException {
		String text = Files.readString(file);
		int start = text.indexOf(TABLE_START);
		int end = text.indexOf(TABLE_END);
		assertThat(start).as("%s has the markers %s and %s", file, TABLE_START, TABLE_END).isNotNegative();
		assertThat(end).as("%s: %s after %s", file, TABLE_END, TABLE_START).isGreaterThan(start);
		if (Boolean.getBoolean(REGENERATE)) {
			String table = String.join("\n", header, header.replaceAll("[^|]+", " --- "), String.join("\n", rows));
			Files.writeString(file, text.substring(0, start + TABLE_START.length()) + "\n" + table + "\n"
					+ text.substring(end));
			return;
		}
		List<String> lines = text.substring(start + TABLE_START.length(), end)
			.lines()
			.filter((line) -> line.startsWith("|"))
			.map(ContractDocumentationUnitTests::normalized)
			.toList();
		String hint = "the events table of " + file + " differs from contracts/asyncapi.yaml; regenerate it with "
				+ "./mvnw -o -B test -pl test-support -Dtest=ContractDocumentationUnitTests -D" + REGENERATE + "=true";
		assertThat(lines).as(hint).isNotEmpty();
		assertThat(lines.get(0)).as(hint).isEqualTo(normalized(header));
		assertThat(lines.subList(Math.min(2, lines.size()), lines.size()).stream().sorted().toList()).as(hint)
			.containsExactlyElementsOf(rows.stream().map(ContractDocumentationUnitTests::normalized).sorted().toList());
	}

	/** A Markdown table row; an empty cell is {@code | |}. */
	private static String row(String... cells) {
		return ("| " + String.join(" | ", cells) + " |").replaceAll(" {2,}", " ");
	}

	private static String normalized(String row) {
		return row.replace("`", "").replaceAll("\\s+", " ").trim();
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

	/** One event as the AsyncAPI document declares it: its message, channel and operations. */
	private record Event(String name, String type, String topic, String key, String producer, TreeSet<String> consumers) {
	}

	/**
	 * Every event a send operation declares, in the document's order: its {@code ce_type} and Kafka key from its
	 * message, its topic from the operation's channel, its producer and its consumer groups from the operations.
	 */
	private List<Event> eventsFromAsyncApi() throws IOException {
		Map<String, String> producers = new LinkedHashMap<>();
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
		Map<String, Object> messages = path(asyncApi(), "components", "messages");
		assertThat(producers.keySet()).as("every message has a producer (a send operation)")
			.containsExactlyInAnyOrderElementsOf(messages.keySet());
		List<Event> events = new ArrayList<>();
		for (Map.Entry<String, String> producer : producers.entrySet()) {
			String name = producer.getKey();
			@SuppressWarnings("unchecked")
			Map<String, Object> message = (Map<String, Object>) messages.get(name);
			assertThat(message).as("components.messages.%s", name).isNotNull();
			events.add(new Event(name, ceType(message), topics.get(name), key(message), producer.getValue(),
					consumers.getOrDefault(name, new TreeSet<>())));
		}
		return events;
	}

	/** The {@code ce_type} the message's headers fix, e.g. {@code chairside.lead.LeadCaptured.v1}. */
	private static String ceType(Map<String, Object> message) {
		for (Object part : (List<?>) path(message, "headers").get("allOf")) {
			Object type = (part instanceof Map<?, ?> schema && schema.get("properties") instanceof Map<?, ?> properties
					&& properties.get("ce_type") instanceof Map<?, ?> ceType) ? ceType.get("const") : null;
			if (type != null) {
				return (String) type;
			}
		}
		throw new AssertionError(message.get("name") + " fixes no ce_type in its headers");
	}

	/** The Kafka key the message's binding names, the first word of its description (e.g. {@code leadId}). */
	private static String key(Map<String, Object> message) {
		String description = (String) path(message, "bindings", "kafka", "key").get("description");
		return description.split("[\\s(]", 2)[0];
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
