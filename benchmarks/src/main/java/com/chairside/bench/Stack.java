package com.chairside.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import com.chairside.devstack.TokenIssuer;
import com.chairside.launcher.Catalogue;
import com.chairside.launcher.FreePorts;
import com.chairside.launcher.Part;
import com.chairside.launcher.PartProcess;
import com.chairside.launcher.Program;
import com.chairside.launcher.Supervisor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The parts a benchmark needs, started through the launcher as bin/chairside starts them (the same heaps, options and
 * settings, so the figures are those of the embedded default), each its own process on free ports: the Kafka broker,
 * the MongoDB-wire store on an H2 file, the mail sink, the services and the gateway from their packaged jars. The
 * token issuer runs inside the benchmark JVM in the identity provider's place: it only signs tokens and serves its key.
 */
final class Stack implements AutoCloseable {

	static final List<String> SERVICES = Catalogue.SERVICES;

	/** The broker and the store: {@code -Dbench.jvm.kafka}, {@code -Dbench.jvm.mongodb} try options on them. */
	private static final List<String> EMBEDDED = List.of("kafka", "mongodb");

	private static final Duration READY = Duration.ofSeconds(240);

	/** Pid files, the broker's and the store's data, the jars' copies: this stack's alone, removed at its close. */
	private final Path state;

	private final Catalogue catalogue;

	private final Supervisor supervisor;

	private final TokenIssuer issuer;

	private final Map<String, PartProcess> parts = new LinkedHashMap<>();

	private boolean closed;

	private Stack(Path state, Catalogue catalogue, Path logs) throws IOException {
		this.state = state;
		this.catalogue = catalogue;
		this.issuer = TokenIssuer.withNewKey().issuedBy(catalogue.issuer()).serve(catalogue.port("issuer"));
		this.supervisor = Supervisor.attached(state, logs);
	}

	/**
	 * Starts the embedded default, {@code services} and the gateway if asked; returns when every part answers.
	 * {@code extraArgs}: more settings per part ({@code --key=value}).
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
			Path state = Files.createTempDirectory("chairside-bench");
			stack = new Stack(state, tuned(Catalogue.of(root, state).onFreePorts(), logs, extraArgs, heaps), logs);
			// Ctrl-C on bin/chairside bench must not leave a broker and services behind.
			Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stack-stop"));
			List<String> names = new ArrayList<>(List.of("kafka", "mongodb", "mail"));
			names.addAll(services);
			if (gateway) {
				names.add("gateway");
			}
			List<Part> parts = names.stream().map(stack.catalogue::part).toList();
			stack.parts.putAll(stack.supervisor.up(parts, READY));
			return stack;
		}
		catch (IOException ex) {
			close(stack);
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			close(stack);
			throw ex;
		}
	}

	/**
	 * The catalogue with this benchmark's heaps and settings, and what a person tries from the command line:
	 * {@code -Dbench.args.<service>="--a=b --c=d"} (a setting, without a rebuild), {@code -Dbench.jvm="-XX:..."} (JVM
	 * options of the services and the gateway; {@code -Dbench.jvm.<part>} of one, the broker and the store too), {@code -Dbench.jar.<service>=<jar>}
	 * (another build of its jar) and {@code -Dbench.jfr=<service>} (a flight recording beside the logs).
	 */
	private static Catalogue tuned(Catalogue catalogue, Path logs, Map<String, List<String>> extraArgs,
			Map<String, String> heaps) {
		Catalogue tuned = catalogue;
		// No trace viewer runs beside a benchmark: the spans are made, as in production, but not sent anywhere.
		for (String part : Stream.concat(SERVICES.stream(), Stream.of("gateway")).toList()) {
			tuned = tuned.adjusting(part, (p) -> p.withSetting("management.tracing.export.zipkin.enabled", "false"));
		}
		for (Map.Entry<String, String> heap : heaps.entrySet()) {
			tuned = tuned.adjusting(heap.getKey(), (part) -> part.withHeap(heap.getValue()));
		}
		for (Map.Entry<String, List<String>> args : extraArgs.entrySet()) {
			tuned = tuned.adjusting(args.getKey(), (part) -> part.withCommandLineSettings(args.getValue()));
		}
		for (String service : SERVICES) {
			String tried = System.getProperty("bench.args." + service, "").trim();
			if (!tried.isEmpty()) {
				tuned = tuned.adjusting(service, (part) -> part.withCommandLineSettings(List.of(tried.split("\\s+"))));
			}
		}
		// a service from another build of its jar (another commit's), the rest as they are
		for (String service : SERVICES) {
			String jar = System.getProperty("bench.jar." + service, "").trim();
			if (!jar.isEmpty()) {
				tuned = tuned.adjusting(service, (part) -> part.withProgram(new Program.Jar(Path.of(jar))));
			}
		}
		// JVM options tried without a rebuild, after the catalogue's (of a flag given twice the last wins); the
		// embedded default's parts take only their own
		for (String part : Stream.of(SERVICES.stream(), Stream.of("gateway"), EMBEDDED.stream()).flatMap((p) -> p)
			.toList()) {
			String shared = EMBEDDED.contains(part) ? "" : System.getProperty("bench.jvm", "");
			String options = (shared + " " + System.getProperty("bench.jvm." + part, "")).trim();
			if (!options.isEmpty()) {
				tuned = tuned.adjusting(part, (p) -> p.withJvmOptions(List.of(options.split("\\s+"))));
			}
		}
		String profiled = System.getProperty("bench.jfr", "");
		if (SERVICES.contains(profiled)) {
			tuned = tuned.adjusting(profiled, (part) -> part.withJvmOptions(List.of("-XX:StartFlightRecording=filename="
					+ logs.resolve(profiled + "-" + System.currentTimeMillis() + ".jfr") + ",settings=profile")));
		}
		return tuned;
	}

	/** Stops a service (SIGTERM, as an operator would). */
	void stop(String service) {
		part(service).stop();
	}

	/** Starts a stopped service again on its port and waits until it is ready. */
	void restart(String service) {
		part(service).start().awaitReady(READY);
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
		return this.catalogue.address("kafka");
	}

	String mongoUri() {
		return "mongodb://" + this.catalogue.address("mongodb");
	}

	String url(String part) {
		return this.catalogue.url(part);
	}

	int port(String part) {
		return this.catalogue.port(part);
	}

	PartProcess part(String name) {
		PartProcess process = this.parts.get(name);
		if (process == null) {
			throw new IllegalArgumentException("No part " + name + " in this stack");
		}
		return process;
	}

	Map<String, PartProcess> parts() {
		return this.parts;
	}

	String token(String user, String role, String region, String department) {
		return this.issuer.issue(user, role, region, department);
	}

	/** A fresh user name, so that a benchmark's callers are not one user (the gateway limits calls per user). */
	static String user(String prefix) {
		return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
	}

	private static void close(Stack stack) {
		if (stack != null) {
			stack.close();
		}
	}

	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.supervisor.close();
		this.issuer.close();
		deleteQuietly(this.state);
	}

	private static void deleteQuietly(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// a temp folder left behind is harmless
		}
	}

}
