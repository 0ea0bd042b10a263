package com.chairside.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The Kafka broker's settings, written once for every broker started here: a single KRaft node that is broker and
 * controller at once, replication factor 1 everywhere. The embedded default speaks plaintext and adds its topic
 * defaults; the deployment checks speak SASL and add the production's users and ACLs.
 */
public final class KafkaBroker {

	private KafkaBroker() {
	}

	/**
	 * What every broker here is: one node, its own controller, nothing replicated; clients on the listener
	 * {@code listener} at 127.0.0.1:{@code port}, the controller at 127.0.0.1:{@code controllerPort}, both speaking
	 * {@code protocol}.
	 */
	public static Map<String, String> singleNode(String listener, String protocol, int port, int controllerPort,
			Path data) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("process.roles", "broker,controller");
		settings.put("node.id", "1");
		settings.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
		settings.put("listeners", listener + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
		settings.put("advertised.listeners", listener + "://127.0.0.1:" + port);
		settings.put("inter.broker.listener.name", listener);
		settings.put("controller.listener.names", "CONTROLLER");
		settings.put("listener.security.protocol.map", "CONTROLLER:" + protocol + "," + listener + ":" + protocol);
		settings.put("default.replication.factor", "1");
		settings.put("min.insync.replicas", "1");
		settings.put("offsets.topic.replication.factor", "1");
		settings.put("transaction.state.log.replication.factor", "1");
		settings.put("transaction.state.log.min.isr", "1");
		settings.put("share.coordinator.state.topic.replication.factor", "1");
		settings.put("share.coordinator.state.topic.min.isr", "1");
		// A consumer group that a service joins starts at once, not three seconds later.
		settings.put("group.initial.rebalance.delay.ms", "0");
		settings.put("log.dirs", data.toString());
		return settings;
	}

	/**
	 * The embedded default's broker: plaintext on loopback, six partitions a topic (the services' own topics have as
	 * many), topics made on first use, and every event kept: a devstack's history is its test data.
	 */
	public static Map<String, String> embeddedDefault(int port, int controllerPort, Path data) {
		Map<String, String> settings = singleNode("PLAINTEXT", "PLAINTEXT", port, controllerPort, data);
		settings.put("num.partitions", "6");
		settings.put("offsets.topic.num.partitions", "6");
		settings.put("auto.create.topics.enable", "true");
		settings.put("log.retention.ms", "-1");
		return settings;
	}

	/** {@code settings} as a server.properties file. */
	public static String properties(Map<String, String> settings) {
		StringBuilder text = new StringBuilder(
				"# Written by the launcher at every start (com.chairside.launcher.KafkaBroker): change the settings there.\n");
		settings.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		return text.toString();
	}

	/**
	 * A logback configuration for Kafka's jars, which log through SLF4J and would otherwise print everything at DEBUG:
	 * every request, which costs two cores dearly. Tools log to standard error, so that their output stays clean.
	 */
	public static String logging(String level, boolean toStandardError) {
		return """
				<configuration>
				  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
				%s    <encoder><pattern>%%d{HH:mm:ss.SSS} %%-5level %%logger{30} - %%msg%%n</pattern></encoder>
				  </appender>
				  <root level="%s"><appender-ref ref="OUT"/></root>
				</configuration>
				""".formatted(toStandardError ? "    <target>System.err</target>\n" : "", level);
	}

	/** A new cluster id as Kafka writes one: 16 random bytes, URL-safe base64, never starting with a dash. */
	public static String clusterId() {
		while (true) {
			UUID uuid = UUID.randomUUID();
			ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
			String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
			if (!id.startsWith("-")) {
				return id;
			}
		}
	}

	/**
	 * Writes the broker's configuration and logging into {@code folder} (every start: the settings above are the only
	 * source) and formats its storage once; {@code format} is the storage tool's command up to its own arguments.
	 */
	static void prepare(Path folder, Map<String, String> settings, List<String> format, Path log) throws IOException {
		Path config = folder.resolve("server.properties");
		Files.createDirectories(Path.of(settings.get("log.dirs")));
		Files.writeString(config, properties(settings));
		Files.writeString(folder.resolve("logback.xml"), logging("INFO", false));
		Files.writeString(folder.resolve("logback-tools.xml"), logging("WARN", true));
		if (Files.exists(Path.of(settings.get("log.dirs"), "meta.properties"))) {
			return;
		}
		// The quorum is static (controller.quorum.voters): no --standalone or --initial-controllers, which are for
		// dynamic quorums.
		List<String> command = new java.util.ArrayList<>(format);
		command.addAll(List.of("format", "-t", clusterId(), "-c", config.toString()));
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new IOException("formatting Kafka's storage in " + settings.get("log.dirs") + " failed; see " + log);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while formatting Kafka's storage", ex);
		}
	}

}
