package com.chairside.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.chairside.devstack.FreePorts;
import com.chairside.devstack.TokenIssuer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The parts a benchmark needs, each its own process on free ports, with the heaps and JVM options bin/chairside gives
 * them (so the figures are those of the embedded default): the Kafka broker, the MongoDB-wire store on an H2 file, the
 * mail sink, then the services and the gateway from their packaged jars. The token issuer runs inside the benchmark
 * JVM: it only signs tokens and serves its key.
 */
final class Stack implements AutoCloseable {

	static final List<String> SERVICES = List.of("lead-service", "account-service", "order-service",
			"notification-service", "reporting-service");

	/** bin/chairside's heaps: the same -Xmx per part. */
	private static final Map<String, String> HEAPS = Map.of("kafka", "384m", "mongodb", "256m", "mail", "64m");

	private static final String SERVICE_HEAP = "300m";

	/** bin/chairside's BOOT_OPTS: C1 only and small stacks, for two cores and ten JVMs. */
	private static final List<String> BOOT_OPTS = List.of("-XX:TieredStopAtLevel=1", "-Xss512k");

	private final Path root;

	private final Path folder;

	private final Path logs;

	private final Map<String, Integer> ports = new LinkedHashMap<>();

	private final Map<String, Proc> parts = new LinkedHashMap<>();

	private final Map<String, List<String>> extraArgs;

	/** Heaps other than bin/chairside's, by part (a benchmark that fills the store with millions of documents). */
	private final Map<String, String> heaps;

	private final TokenIssuer issuer;

	private boolean closed;

	private Stack(Path root, Path logs, Map<String, List<String>> extraArgs, Map<String, String> heaps)
			throws IOException {
		this.root = root;
		this.heaps = heaps;
		this.logs = logs;
		Files.createDirectories(logs);
		this.folder = Files.createTempDirectory("chairside-bench");
		this.extraArgs = extraArgs;
		this.issuer = TokenIssuer.withNewKey().serve(0);
	}

	/**
	 * Starts the embedded default, then {@code services} together, then the gateway if asked; returns when every part
	 * answers. {@code extraArgs}: more command-line arguments per service.
	 */
	static Stack start(Path root, Path logs, List<String> services, boolean gateway,
			Map<String, List<String>> extraArgs) {
		return start(root, logs, services, gateway, extraArgs, Map.of());
	}

	/** As {@link #start(Path, Path, List, boolean, Map)}, with {@code heaps} instead of bin/chairside's for those parts. */
	static Stack start(Path root, Path logs, List<String> services, boolean gateway,
			Map<String, List<String>> extraArgs, Map<String, String> heaps) {
		Stack stack = null;
		try {
			stack = new Stack(root, logs, extraArgs, heaps);
			// Ctrl-C on bin/chairside bench must not leave a broker and services behind.
			Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stack-stop"));
			stack.startDefault();
			for (String service : services) {
				stack.ports.put(service, freePort());
			}
			for (String service : services) {
				stack.startService(service);
			}
			for (String service : services) {
				stack.awaitService(service);
			}
			if (gateway) {
				stack.ports.put("gateway", freePort());
				stack.launch("gateway", SERVICE_HEAP, BOOT_OPTS, stack.gatewayArgs());
				stack.awaitService("gateway");
			}
			return stack;
		}
		catch (IOException ex) {
			if (stack != null) {
				stack.close();
			}
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			if (stack != null) {
				stack.close();
			}
			throw ex;
		}
	}

	private void startDefault() throws IOException {
		int kafka = freePort();
		int controller = freePort();
		this.ports.put("kafka", kafka);
		this.ports.put("mongodb", freePort());
		this.ports.put("mail", freePort());
		Path kafkaFolder = this.folder.resolve("kafka");
		Files.createDirectories(kafkaFolder);
		Path config = kafkaFolder.resolve("server.properties");
		// bin/chairside's broker settings: one KRaft node, six partitions per topic, every event kept.
		Files.writeString(config, String.join("\n", "process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@127.0.0.1:" + controller,
				"listeners=PLAINTEXT://127.0.0.1:" + kafka + ",CONTROLLER://127.0.0.1:" + controller,
				"advertised.listeners=PLAINTEXT://127.0.0.1:" + kafka, "controller.listener.names=CONTROLLER",
				"inter.broker.listener.name=PLAINTEXT", "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
				"default.replication.factor=1", "min.insync.replicas=1", "offsets.topic.replication.factor=1",
				"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
				"share.coordinator.state.topic.replication.factor=1", "share.coordinator.state.topic.min.isr=1",
				"group.initial.rebalance.delay.ms=0", "num.partitions=6", "auto.create.topics.enable=true",
				"log.retention.ms=-1", "log.dirs=" + kafkaFolder.resolve("data")) + "\n");
		String kafkaClasspath = this.root.resolve("devstack/target/lib") + "/*";
		format(kafkaClasspath, config);
		String devstackClasspath = this.root.resolve("devstack/target/classes") + java.io.File.pathSeparator + kafkaClasspath;
		launch("kafka", heap("kafka"), List.of(), List.of("-cp", kafkaClasspath, "kafka.Kafka", config.toString()));
		launch("mongodb", heap("mongodb"), List.of(), List.of("-cp", devstackClasspath,
				"com.chairside.devstack.MongoStore", this.folder.resolve("mongodb").toString(), port("mongodb") + ""));
		launch("mail", heap("mail"), List.of(), List.of("-cp", devstackClasspath, "com.chairside.devstack.MailSink",
				port("mail") + "", freePort() + ""));
		awaitPart("mongodb", () -> listening(port("mongodb")));
		awaitPart("mail", () -> listening(port("mail")));
		awaitPart("kafka", this::brokerAnswers);
	}

	private String heap(String part) {
		return this.heaps.getOrDefault(part, HEAPS.get(part));
	}

	private void format(String classpath, Path config) throws IOException {
		Process format = new ProcessBuilder(Proc.javaBinary(), "-Xmx128m", "-cp", classpath, "kafka.tools.StorageTool",
				"format", "-t", org.apache.kafka.common.Uuid.randomUuid().toString(), "-c", config.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.logs.resolve("kafka-format.log").toFile())
			.start();
		try {
			if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
				throw new IllegalStateException("Formatting the broker's storage failed; see " + this.logs.resolve("kafka-format.log"));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private boolean brokerAnswers() {
		if (!listening(port("kafka"))) {
			return false;
		}
		try (Admin admin = admin()) {
			admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private void startService(String service) {
		String database = service.replace("-service", "");
		List<String> args = new ArrayList<>(List.of("-jar", jar(service).toString(),
				"--server.port=" + port(service), "--spring.kafka.bootstrap-servers=" + kafkaBootstrap(),
				"--spring.mongodb.uri=" + mongoUri() + "/chairside-" + database,
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + this.issuer.jwkSetUri()));
		if (service.equals("order-service") || service.equals("lead-service")) {
			args.add("--chairside.accounts.url=http://127.0.0.1:" + this.ports.getOrDefault("account-service", 1));
		}
		if (service.equals("notification-service")) {
			args.add("--spring.mail.port=" + port("mail"));
		}
		args.addAll(this.extraArgs.getOrDefault(service, List.of()));
		// -Dbench.args.<service>="--a=b --c=d": try a setting without a rebuild (e.g. while reading a profile)
		String tried = System.getProperty("bench.args." + service, "").trim();
		if (!tried.isEmpty()) {
			args.addAll(List.of(tried.split("\\s+")));
		}
		List<String> jvm = new ArrayList<>(BOOT_OPTS);
		String profiled = System.getProperty("bench.jfr", "");
		if (profiled.equals(service)) {
			jvm.add("-XX:StartFlightRecording=filename=" + this.logs.resolve(service + "-" + System.currentTimeMillis()
					+ ".jfr") + ",settings=profile");
		}
		launch(service, SERVICE_HEAP, jvm, args);
	}

	private List<String> gatewayArgs() {
		String url = "http://127.0.0.1:";
		List<String> args = new ArrayList<>(List.of("-jar", jar("gateway").toString(),
				"--server.port=" + port("gateway"),
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + this.issuer.jwkSetUri()));
		Map<String, String> routes = Map.of("leads", "lead-service", "accounts", "account-service", "orders",
				"order-service", "products", "order-service", "notifications", "notification-service", "reports",
				"reporting-service");
		routes.forEach((route, service) -> args.add("--chairside.routes." + route + "=" + url
				+ this.ports.getOrDefault(service, 1)));
		args.addAll(this.extraArgs.getOrDefault("gateway", List.of()));
		return args;
	}

	/**
	 * A copy of the module's packaged jar, taken once per stack: others may rebuild the jar in target/ while a
	 * benchmark runs, and a process must not read a jar that changes under it.
	 */
	private Path jar(String module) {
		Path copy = this.folder.resolve("jars/" + module + ".jar");
		try {
			if (!Files.exists(copy)) {
				Files.createDirectories(copy.getParent());
				Files.copy(this.root.resolve(module + "/target/" + module + ".jar"), copy);
			}
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot copy " + module + "'s jar: build it first (bin/chairside bench does)", ex);
		}
	}

	private void launch(String name, String heap, List<String> jvm, List<String> mainAndArgs) {
		this.parts.put(name, new Proc(name, heap, jvm, mainAndArgs, this.logs).start());
	}

	private void awaitService(String name) {
		awaitPart(name, () -> part(name).answers(url(name) + "/actuator/health/readiness"));
	}

	private void awaitPart(String name, BooleanSupplier ready) {
		Proc proc = part(name);
		long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
		while (!ready.getAsBoolean()) {
			proc.checkAlive();
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(name + " was not ready after 240 s; see " + this.logs.resolve(name + ".log"));
			}
			pause(Duration.ofMillis(200));
		}
		proc.ready();
	}

	/** Stops a service (SIGTERM, as an operator would). */
	void stop(String service) {
		part(service).stop();
	}

	/** Starts a stopped service again on its port and waits until it is ready. */
	void restart(String service) {
		startService(service);
		awaitService(service);
	}

	static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static int freePort() {
		return FreePorts.next();
	}

	Admin admin() {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap());
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000);
		return Admin.create(properties);
	}

	String kafkaBootstrap() {
		return "127.0.0.1:" + port("kafka");
	}

	String mongoUri() {
		return "mongodb://127.0.0.1:" + port("mongodb");
	}

	String url(String part) {
		return "http://127.0.0.1:" + port(part);
	}

	int port(String part) {
		return this.ports.get(part);
	}

	Proc part(String name) {
		Proc proc = this.parts.get(name);
		if (proc == null) {
			throw new IllegalArgumentException("No part " + name + " in this stack");
		}
		return proc;
	}

	Map<String, Proc> parts() {
		return this.parts;
	}

	String token(String user, String role, String region, String department) {
		return this.issuer.issue(user, role, region, department);
	}

	/** A fresh user name, so that a benchmark's callers are not one user (the gateway limits calls per user). */
	static String user(String prefix) {
		return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		List<Proc> running = new ArrayList<>(this.parts.values());
		java.util.Collections.reverse(running);
		running.forEach(Proc::stop);
		this.issuer.close();
		deleteQuietly(this.folder);
	}

	private static void deleteQuietly(Path folder) {
		try (var paths = Files.walk(folder)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temp folder left behind is harmless
		}
	}

}
