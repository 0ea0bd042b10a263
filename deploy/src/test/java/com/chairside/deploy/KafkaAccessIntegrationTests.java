package com.chairside.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import com.chairside.launcher.Catalogue;
import com.chairside.launcher.KafkaBroker;
import com.chairside.launcher.Part;
import com.chairside.launcher.PartProcess;
import com.chairside.launcher.Program;
import com.chairside.launcher.Readiness;
import com.chairside.launcher.Supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The production broker's users and ACLs ({@code kafka/access.txt}, applied by {@code kafka/grant-access.sh}) on a real
 * Kafka broker from Apache Kafka's jars, with the listeners docker-compose's cluster profile uses: clients on
 * SASL_PLAINTEXT with SCRAM-SHA-512, the controller on SASL PLAIN, the StandardAuthorizer, {@code admin} the only
 * super user. The script runs as compose runs it; its kafka-configs and kafka-acls calls are carried out by those very
 * tools, in this JVM. Then order-service writes its own topic and is refused another service's.
 */
class KafkaAccessIntegrationTests {

	static final String ADMIN_PASSWORD = "admin-secret";

	static final Map<String, String> PASSWORDS = Map.of("lead-service", "leads-secret", "account-service",
			"accounts-secret", "order-service", "orders-secret", "notification-service", "notifications-secret",
			"reporting-service", "reporting-secret");

	@TempDir
	static Path folder;

	static Supervisor supervisor;

	static PartProcess broker;

	static String bootstrap;

	/**
	 * The launcher's broker (its heap, options and single-node settings) from this JVM's Kafka jars, with the
	 * production listeners instead of the embedded default's: clients on SASL_PLAINTEXT with SCRAM-SHA-512, the
	 * controller on SASL PLAIN, ACLs enforced.
	 */
	@BeforeAll
	static void startTheBrokerAndGrantAccess() throws Exception {
		Part kafka = Catalogue.of(Path.of(".."), folder).onFreePorts().part("kafka");
		int port = kafka.port();
		int controller = kafka.otherPorts().get(0);
		bootstrap = "127.0.0.1:" + port;
		Path config = Path.of(kafka.arguments().get(0));
		Map<String, String> settings = KafkaBroker.singleNode("BROKER", "SASL_PLAINTEXT", port, controller,
				folder.resolve("kafka/data"));
		settings.put("listener.name.broker.sasl.enabled.mechanisms", "SCRAM-SHA-512");
		settings.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
		settings.put("listener.name.broker.scram-sha-512.sasl.jaas.config", scram("admin", ADMIN_PASSWORD));
		settings.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
		settings.put("sasl.mechanism.controller.protocol", "PLAIN");
		settings.put("listener.name.controller.plain.sasl.jaas.config",
				"org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\""
						+ ADMIN_PASSWORD + "\" user_admin=\"" + ADMIN_PASSWORD + "\";");
		settings.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		settings.put("super.users", "User:admin");
		settings.put("allow.everyone.if.no.acl.found", "false");
		settings.put("auto.create.topics.enable", "false");
		settings.put("offsets.topic.num.partitions", "1");
		Files.createDirectories(config.getParent());
		Files.writeString(config, KafkaBroker.properties(settings));
		Files.writeString(config.resolveSibling("logback.xml"), KafkaBroker.logging("WARN", false));
		// The admin's SCRAM credential must exist before the broker talks to itself on the SASL listener.
		tool("kafka-storage.sh", List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(),
				"--add-scram", "SCRAM-SHA-512=[name=admin,password=" + ADMIN_PASSWORD + "]"));
		Part production = kafka.withProgram(new Program.MainClass(System.getProperty("java.class.path"), "kafka.Kafka"))
			.withPreparation(Part.Preparation.NONE)
			// SASL everywhere: the admin client below tells when the broker answers
			.withReadiness(new Readiness.PortOpen());
		supervisor = Supervisor.attached(folder, folder.resolve("logs"));
		broker = supervisor.up(List.of(production), Duration.ofSeconds(60)).get("kafka");
		Path adminConfig = folder.resolve("admin.properties");
		Files.writeString(adminConfig, "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n"
				+ "sasl.jaas.config=" + scram("admin", ADMIN_PASSWORD) + "\n");
		try (Admin admin = Admin.create(client("admin", ADMIN_PASSWORD))) {
			await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
				broker.checkAlive();
				return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size() == 1;
			});
			admin.createTopics(List.of(new NewTopic("chairside.orders", 1, (short) 1),
					new NewTopic("chairside.leads", 1, (short) 1), new NewTopic("chairside.accounts", 1, (short) 1)))
				.all()
				.get();
		}
		grantAccess(adminConfig);
	}

	@AfterAll
	static void stopTheBroker() {
		if (supervisor != null) {
			supervisor.close();
		}
	}

	@Test
	void orderServiceWritesItsOwnTopicAndIsRefusedAnotherServicesTopic() throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(producer("order-service"))) {
			assertThat(producer.send(new ProducerRecord<>("chairside.orders", "order-1", "{}")).get(20, TimeUnit.SECONDS)
				.topic()).isEqualTo("chairside.orders");
			assertThatThrownBy(() -> producer.send(new ProducerRecord<>("chairside.leads", "lead-1", "{}"))
				.get(20, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
				.hasCauseInstanceOf(TopicAuthorizationException.class);
		}
	}

	@Test
	void orderServiceReadsOnlyWhatItConsumesInItsOwnGroup() {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumer("order-service", "order-service"))) {
			consumer.subscribe(List.of("chairside.accounts"));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200));
				return !consumer.assignment().isEmpty();
			});
		}
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumer("order-service", "order-service"))) {
			consumer.subscribe(List.of("chairside.leads"));
			assertThatThrownBy(() -> pollUntilRefused(consumer)).isInstanceOf(TopicAuthorizationException.class);
		}
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				consumer("order-service", "reporting-service"))) {
			consumer.subscribe(List.of("chairside.accounts"));
			assertThatThrownBy(() -> pollUntilRefused(consumer)).as("another service's consumer group")
				.isInstanceOf(GroupAuthorizationException.class);
		}
	}

	@Test
	void aWrongPasswordIsNotLetIn() {
		Map<String, Object> config = producer("order-service");
		config.put("sasl.jaas.config", scram("order-service", "not-the-password"));
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			assertThatThrownBy(() -> producer.send(new ProducerRecord<>("chairside.orders", "order-1", "{}"))
				.get(20, TimeUnit.SECONDS)).hasRootCauseInstanceOf(
						org.apache.kafka.common.errors.SaslAuthenticationException.class);
		}
	}

	/**
	 * access.txt says what the services do: each writes the topics the README's events table names it producer of,
	 * and reads the topics its bindings consume.
	 */
	@Test
	void theAccessListIsWhatTheServicesPublishAndConsume() throws IOException {
		Map<String, Set<String>> writes = new TreeMap<>();
		Map<String, Set<String>> reads = new TreeMap<>();
		for (String[] line : accessLines()) {
			writes.put(line[0], topics(line[1]));
			reads.put(line[0], topics(line[2]));
		}
		Map<String, Set<String>> published = new TreeMap<>();
		Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\| \\w+ \\| \\w+ \\| ([a-z-]+) \\|")
			.matcher(Files.readString(Path.of("..", "README.md")));
		while (row.find()) {
			published.computeIfAbsent(row.group(2), (service) -> new TreeSet<>()).add(row.group(1));
		}
		Map<String, Set<String>> consumed = new TreeMap<>();
		for (String service : ComposeFileUnitTests.SERVICES) {
			consumed.put(service, consumedTopics(service));
			published.putIfAbsent(service, Set.of());
		}
		assertThat(writes).isEqualTo(published);
		assertThat(reads).isEqualTo(consumed);
	}

	private static void pollUntilRefused(KafkaConsumer<String, String> consumer) {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < until) {
			consumer.poll(Duration.ofMillis(200));
		}
	}

	/**
	 * Runs grant-access.sh as compose's kafka-access container does, with a KAFKA_BIN whose tools note their arguments;
	 * each noted call is then made with the real tool, in this JVM.
	 */
	private static void grantAccess(Path adminConfig) throws Exception {
		Path bin = Files.createDirectories(folder.resolve("bin"));
		Path calls = folder.resolve("calls.txt");
		for (String tool : List.of("kafka-configs.sh", "kafka-acls.sh")) {
			Path script = bin.resolve(tool);
			Files.writeString(script, "#!/bin/sh\nprintf '%s\\n' \"$(basename \"$0\")\" \"$@\" '--end--' >> \"" + calls
					+ "\"\n");
			script.toFile().setExecutable(true);
		}
		ProcessBuilder grant = new ProcessBuilder("sh", Path.of("kafka", "grant-access.sh").toString(), bootstrap,
				adminConfig.toString())
			.redirectErrorStream(true);
		grant.environment().put("KAFKA_BIN", bin.toString());
		PASSWORDS.forEach((service, password) -> grant.environment()
			.put("CHAIRSIDE_KAFKA_PASSWORD_" + service.toUpperCase().replace('-', '_'), password));
		Process run = grant.start();
		String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(run.waitFor()).as(output).isZero();
		List<String> words = Files.readAllLines(calls);
		List<String> call = new ArrayList<>();
		int made = 0;
		for (String word : words) {
			if (!word.equals("--end--")) {
				call.add(word);
				continue;
			}
			tool(call.get(0), call.subList(1, call.size()));
			call.clear();
			made++;
		}
		assertThat(made).as("a user and its ACLs per service").isGreaterThanOrEqualTo(PASSWORDS.size() * 2);
	}

	/** One of Kafka's command-line tools, in this JVM; its exit code must be 0. */
	private static void tool(String name, List<String> args) throws Exception {
		String[] argv = args.toArray(String[]::new);
		Exit.setExitProcedure((status, message) -> {
			throw new ToolExit(name, status, message);
		});
		try {
			switch (name) {
				case "kafka-storage.sh" -> kafka.tools.StorageTool.main(argv);
				case "kafka-configs.sh" -> kafka.admin.ConfigCommand.main(argv);
				case "kafka-acls.sh" -> org.apache.kafka.tools.AclCommand.main(argv);
				default -> throw new IllegalArgumentException("grant-access.sh called an unexpected tool: " + name);
			}
		}
		catch (ToolExit exit) {
			assertThat(exit.status).as(name + " " + String.join(" ", args) + ": " + exit.getMessage()).isZero();
		}
		finally {
			Exit.resetExitProcedure();
		}
	}

	static final class ToolExit extends RuntimeException {

		final int status;

		ToolExit(String tool, int status, String message) {
			super(tool + " exited " + status + (message != null ? ": " + message : ""));
			this.status = status;
		}

	}

	static List<String[]> accessLines() throws IOException {
		List<String[]> lines = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of("kafka", "access.txt"))) {
			if (!line.isBlank() && !line.startsWith("#")) {
				lines.add(line.trim().split("\\s+"));
			}
		}
		return lines;
	}

	private static Set<String> topics(String column) {
		return column.equals("-") ? Set.of() : new TreeSet<>(List.of(column.split(",")));
	}

	@SuppressWarnings("unchecked")
	private static Set<String> consumedTopics(String service) throws IOException {
		Set<String> topics = new TreeSet<>();
		try (Reader in = Files.newBufferedReader(Path.of("..", service, "src/main/resources/application.yml"))) {
			Map<String, Object> yaml = (Map<String, Object>) new Yaml().loadAll(in).iterator().next();
			Map<String, Object> bindings = path(yaml, "spring", "cloud", "stream", "bindings");
			for (Object binding : bindings.values()) {
				Map<String, Object> settings = (Map<String, Object>) binding;
				if (settings.get("group") != null) {
					topics.add((String) settings.get("destination"));
				}
			}
		}
		return topics;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> path(Map<String, Object> yaml, String... keys) {
		Map<String, Object> node = yaml;
		for (String key : keys) {
			Object next = (node != null) ? node.get(key) : null;
			node = (next instanceof Map<?, ?> map) ? (Map<String, Object>) map : null;
		}
		return (node != null) ? node : Map.of();
	}

	private static Map<String, Object> client(String user, String password) {
		Map<String, Object> config = new HashMap<>();
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
		config.put("sasl.mechanism", "SCRAM-SHA-512");
		config.put("sasl.jaas.config", scram(user, password));
		return config;
	}

	private static Map<String, Object> producer(String service) {
		Map<String, Object> config = client(service, PASSWORDS.get(service));
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		return config;
	}

	private static Map<String, Object> consumer(String service, String group) {
		Map<String, Object> config = client(service, PASSWORDS.get(service));
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return config;
	}

	private static String scram(String user, String password) {
		return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
				+ password + "\";";
	}

}
