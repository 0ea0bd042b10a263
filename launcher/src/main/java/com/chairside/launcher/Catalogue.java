package com.chairside.launcher;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;

/**
 * Every part of the suite, in start order: the embedded default (the Kafka broker, the MongoDB-wire store, the mail
 * sink, the OpenID Connect provider, the trace viewer), the five services and the gateway. The one place that knows their ports, heaps,
 * JVM options and how they find each other: a part added or retuned here changes for {@code bin/chairside}, the
 * system tests and the benchmarks alike.
 * <p>
 * Immutable: {@link #onFreePorts}, {@link #withPort}, {@link #withReplicas} and {@link #adjusting} give changed copies.
 */
public final class Catalogue {

	public static final List<String> SERVICES = List.of("lead-service", "account-service", "order-service",
			"notification-service", "reporting-service");

	/** Replica n of a service listens on the service's port + this × (n − 1). */
	public static final int REPLICA_PORT_STEP = 100;

	public static final int MOST_REPLICAS = 9;

	/** Two cores and ten JVMs: small heaps and the serial collector everywhere. */
	static final List<String> BASE_OPTIONS = List.of("-Xms64m", "-XX:+UseSerialGC");

	/**
	 * The Spring Boot processes (docs/capacity.md, "Memory and the JIT"). C1 only: on two cores C2's compilations
	 * compete with the work. Measured with full tiered compilation instead, each service took 30 to 38 s to start
	 * (16 to 20 with C1), about twice the CPU seconds, 23 to 66 MB more resident memory, and answered slower under load
	 * (create-lead p99 at 100/s 333 ms against 48; order changes notified within a second up to 25/s against 50).
	 * Smaller thread stacks. A serial heap that starts at 32 MB (the services hold 30 to 45 MB), keeps a quarter of
	 * itself young rather than a third (the young generation is touched whole between collections), and gives back
	 * what a full collection frees, at once rather than in steps, down to 40 % free. malloc's free memory handed back
	 * to the system every 5 s ({@link #TRIM_NATIVE_HEAP}), where the JVM knows the option.
	 */
	static final List<String> BOOT_OPTIONS = bootOptions(Runtime.version());

	/**
	 * glibc keeps what the JVM's threads freed in their arenas; trimming every 5 s took 5 to 10 MB off a service under
	 * load. Java 17 has the option from 17.0.9 on.
	 */
	static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=5000";

	/**
	 * The embedded store: most of what it allocates (documents on the wire, the H2 pages a write copies until the next
	 * commit) lives about a second. In a young generation of 40 MB with 4 MB survivors that overflowed into the old
	 * generation, which then filled every one to three seconds under the end-to-end load (a full collection of 65 to
	 * 75 ms each, 91 in its first 260 s), and every service and the plain pipeline alike waited on those pauses. With
	 * 128 MB young and a heap of 512m: one full collection up to 50 changes/s (140 s), 33 with 100 and 200/s; the
	 * order changes' p99 at 100/s 0.93 s against 1.9 (docs/capacity.md, "The store's heap").
	 */
	static final List<String> STORE_OPTIONS = List.of("-Xms256m", "-Xmn128m", "-XX:+UseSerialGC");

	/** Short-lived command-line tools (Kafka's storage format, the token issuer): start fast, exit soon. */
	static final List<String> TOOL_OPTIONS = List.of("-Xms32m", "-Xmx128m", "-XX:TieredStopAtLevel=1",
			"-XX:+UseSerialGC");

	/** The ports bin/chairside binds, by name: each part's own, then the broker's controller and the mail sink's web. */
	private static final Map<String, Integer> DEFAULT_PORTS = ordered("kafka", 9092, "kafka-controller", 9093, "mongodb",
			27017, "mail", 2525, "mail-web", 8025, "issuer", 9000, "zipkin", 9411, "lead-service", 8081, "account-service",
			8082, "order-service", 8083, "notification-service", 8084, "reporting-service", 8085, "gateway", 8080);

	/**
	 * Each part's -Xmx. The services and the gateway: 128m, about three times what they hold after a full collection
	 * at the end of the end-to-end load (36 to 48 MB; the gateway 26), and enough for the api-latency load at 200
	 * requests/s without an error. A larger heap is not spare: the serial collector fills its old generation before it
	 * collects it, so a service's resident memory grows towards its -Xmx over hours. reporting-service: 256m, as a
	 * rebuild reads the stream in fetches of up to 64 MB (128m ran out of heap in the projection-rebuild benchmark).
	 * The store: 512m, a quarter of it young ({@link #STORE_OPTIONS}).
	 */
	private static final Map<String, String> HEAPS = Map.of("kafka", "384m", "mongodb", "512m", "mail", "64m", "issuer",
			"160m", "zipkin", "160m", "service", "128m", "reporting-service", "256m", "gateway", "128m");

	/** The embedded default's parts, in start order. */
	private static final List<String> EMBEDDED = List.of("kafka", "mongodb", "mail", "issuer", "zipkin");

	/** The trace viewer keeps this many spans in memory, the oldest dropped first: hours of a person's clicking. */
	private static final int ZIPKIN_MAX_SPANS = 50_000;

	/** Each service's own database, as its application.yml names it. */
	private static final Map<String, String> DATABASES = Map.of("lead-service", "chairside-leads", "account-service",
			"chairside-accounts", "order-service", "chairside-orders", "notification-service", "chairside-notifications",
			"reporting-service", "chairside-reporting");

	/** The gateway's routes and the service each leads to. */
	private static final Map<String, String> ROUTES = ordered("leads", "lead-service", "accounts", "account-service",
			"orders", "order-service", "products", "order-service", "notifications", "notification-service", "reports",
			"reporting-service");

	private static final String READINESS_PROBE = "/actuator/health/readiness";

	private final Path root;

	private final Path state;

	private final Map<String, Integer> ports;

	private final Map<String, Integer> replicas;

	private final Map<String, UnaryOperator<Part>> adjustments;

	private Catalogue(Path root, Path state, Map<String, Integer> ports, Map<String, Integer> replicas,
			Map<String, UnaryOperator<Part>> adjustments) {
		this.root = root.toAbsolutePath().normalize();
		this.state = state.toAbsolutePath().normalize();
		this.ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
		this.replicas = Collections.unmodifiableMap(new LinkedHashMap<>(replicas));
		this.adjustments = Collections.unmodifiableMap(new LinkedHashMap<>(adjustments));
	}

	/**
	 * The parts on their usual ports, run from the modules built under {@code root}, keeping their data under
	 * {@code state}.
	 */
	public static Catalogue of(Path root, Path state) {
		return new Catalogue(root, state, DEFAULT_PORTS, Map.of(), Map.of());
	}

	/** Every port a free one (system tests, benchmarks: never in the way of a devstack on the usual ports). */
	public Catalogue onFreePorts() {
		return onPorts(FreePorts::next);
	}

	Catalogue onPorts(IntSupplier next) {
		Map<String, Integer> free = new LinkedHashMap<>();
		this.ports.keySet().forEach((name) -> free.put(name, next.getAsInt()));
		return new Catalogue(this.root, this.state, free, this.replicas, this.adjustments);
	}

	/**
	 * {@code name}'s port (a part's, or {@code kafka-controller}, {@code mail-web}) is {@code port}; everything that
	 * talks to it is told. A part not started by the supervisor may so stand for one running elsewhere (a store in the
	 * test JVM, a proxy in front of it).
	 */
	public Catalogue withPort(String name, int port) {
		if (!this.ports.containsKey(name)) {
			throw new IllegalArgumentException("No port named '" + name + "' (ports: " + String.join(" ", this.ports.keySet()) + ")");
		}
		Map<String, Integer> changed = new LinkedHashMap<>(this.ports);
		changed.put(name, port);
		return new Catalogue(this.root, this.state, changed, this.replicas, this.adjustments);
	}

	/** Services run as several processes: {@code counts} by service (1: one process, the default). */
	public Catalogue withReplicas(Map<String, Integer> counts) {
		Map<String, Integer> changed = new LinkedHashMap<>(this.replicas);
		counts.forEach((service, count) -> {
			checkService(service);
			changed.put(service, count);
		});
		return new Catalogue(this.root, this.state, this.ports, changed, this.adjustments);
	}

	/** {@code part} (and each of its replicas) retuned by {@code adjustment}: a heap, JVM options, settings. */
	public Catalogue adjusting(String part, UnaryOperator<Part> adjustment) {
		build(part);
		Map<String, UnaryOperator<Part>> changed = new LinkedHashMap<>(this.adjustments);
		UnaryOperator<Part> before = changed.getOrDefault(part, UnaryOperator.identity());
		changed.put(part, (p) -> adjustment.apply(before.apply(p)));
		return new Catalogue(this.root, this.state, this.ports, this.replicas, changed);
	}

	/** Every part, in start order; a service's replicas follow it. */
	public List<Part> parts() {
		List<Part> parts = new ArrayList<>();
		for (String name : EMBEDDED) {
			parts.add(part(name));
		}
		for (String service : SERVICES) {
			for (int n = 1; n <= replicas(service); n++) {
				parts.add(replica(service, n));
			}
		}
		parts.add(part("gateway"));
		return parts;
	}

	/** A part by name: a part of the catalogue, or a replica of a service ({@code notification-service-2}). */
	public Part part(String name) {
		String service = serviceOf(name);
		if (!service.equals(name)) {
			return replica(service, Integer.parseInt(name.substring(service.length() + 1)));
		}
		return build(name);
	}

	/** The service {@code name} is a replica of ({@code notification-service-2}: notification-service), or the name. */
	public static String serviceOf(String name) {
		for (String service : SERVICES) {
			if (name.startsWith(service + "-") && name.substring(service.length() + 1).matches("[1-9][0-9]*")) {
				return service;
			}
		}
		return name;
	}

	/** Replica {@code n} of {@code service} ({@code service-n}; replica 1 is the service itself), on its usual port. */
	public Part replica(String service, int n) {
		return replica(service, n, port(service) + REPLICA_PORT_STEP * (n - 1));
	}

	/** Replica {@code n} of {@code service} on {@code port}: sharing its database and consumer group. */
	public Part replica(String service, int n, int port) {
		checkService(service);
		return adjusted(service, service(service, (n == 1) ? service : service + "-" + n, port));
	}

	/** How many processes {@code service} runs as. */
	public int replicas(String service) {
		return this.replicas.getOrDefault(service, 1);
	}

	/** The port named {@code name} (a part's, {@code kafka-controller}, {@code mail-web}). */
	public int port(String name) {
		Integer port = this.ports.get(name);
		if (port == null) {
			throw new IllegalArgumentException("No port named '" + name + "'");
		}
		return port;
	}

	/** Every port by name, the parts' own and the others, in start order. */
	public Map<String, Integer> ports() {
		return this.ports;
	}

	/** {@code 127.0.0.1:<port>}: a Kafka bootstrap server, the host of a MongoDB URI. */
	public String address(String name) {
		return "127.0.0.1:" + port(name);
	}

	/** {@code http://127.0.0.1:<port>} */
	public String url(String name) {
		return "http://" + address(name);
	}

	/** The identity provider's issuer: the {@code iss} of its tokens and of {@code bin/chairside token}'s. */
	public String issuer() {
		return url("issuer");
	}

	/** Where the suite keeps its data. */
	public Path state() {
		return this.state;
	}

	/** The issuer's signing key, which the provider and {@code bin/chairside token} share. */
	public Path issuerKey() {
		return this.state.resolve("issuer/key.json");
	}

	/** {@code service}'s own database, as its application.yml names it. */
	public static String database(String service) {
		return DATABASES.get(service);
	}

	/** The command line of a devstack tool: {@code java <tool options> -cp <devstack> <mainClass> <arguments>}. */
	public List<String> tool(String mainClass, List<String> arguments) {
		List<String> command = new ArrayList<>(List.of(java()));
		command.addAll(TOOL_OPTIONS);
		command.addAll(new Program.MainClass(devstackClasspath(), mainClass).arguments());
		command.addAll(arguments);
		return command;
	}

	private Part build(String name) {
		Part part = switch (name) {
			case "kafka" -> kafka();
			case "mongodb" -> mongodb();
			case "mail" -> mail();
			case "issuer" -> issuerPart();
			case "zipkin" -> zipkin();
			case "gateway" -> gateway();
			default -> {
				if (!SERVICES.contains(name)) {
					throw new IllegalArgumentException("No part named '" + name + "' (parts: " + names() + ")");
				}
				yield service(name, name, port(name));
			}
		};
		return adjusted(name, part);
	}

	private Part adjusted(String name, Part part) {
		return this.adjustments.getOrDefault(name, UnaryOperator.identity()).apply(part);
	}

	/** The names of every part, replicas included, as one line. */
	public String names() {
		List<String> names = new ArrayList<>(EMBEDDED);
		for (String service : SERVICES) {
			names.add(service);
			for (int n = 2; n <= replicas(service); n++) {
				names.add(service + "-" + n);
			}
		}
		names.add("gateway");
		return String.join(" ", names);
	}

	private Part kafka() {
		Path folder = this.state.resolve("kafka");
		Map<String, String> settings = KafkaBroker.embeddedDefault(port("kafka"), port("kafka-controller"),
				folder.resolve("data"));
		List<String> format = new ArrayList<>(List.of(java()));
		format.addAll(TOOL_OPTIONS);
		format.addAll(List.of("-Dlogback.configurationFile=" + folder.resolve("logback-tools.xml"), "-cp",
				kafkaClasspath(), "kafka.tools.StorageTool"));
		List<String> options = new ArrayList<>(BASE_OPTIONS);
		options.add("-Dlogback.configurationFile=" + folder.resolve("logback.xml"));
		return new Part("kafka", List.of("devstack"), port("kafka"), List.of(port("kafka-controller")), HEAPS.get("kafka"),
				options, new Program.MainClass(kafkaClasspath(), "kafka.Kafka"),
				List.of(folder.resolve("server.properties").toString()), Map.of(), new Readiness.KafkaMetadata(), Set.of(),
				List.of(folder), (log) -> KafkaBroker.prepare(folder, settings, format, log));
	}

	private Part mongodb() {
		Path folder = this.state.resolve("mongodb");
		return new Part("mongodb", List.of("devstack"), port("mongodb"), List.of(), HEAPS.get("mongodb"), STORE_OPTIONS,
				new Program.MainClass(devstackClasspath(), "com.chairside.devstack.MongoStore"),
				List.of(folder.toString(), Integer.toString(port("mongodb"))), Map.of(), new Readiness.PortOpen(), Set.of(),
				List.of(folder), Part.Preparation.NONE);
	}

	private Part mail() {
		return new Part("mail", List.of("devstack"), port("mail"), List.of(port("mail-web")), HEAPS.get("mail"),
				BASE_OPTIONS, new Program.MainClass(devstackClasspath(), "com.chairside.devstack.MailSink"),
				List.of(Integer.toString(port("mail")), Integer.toString(port("mail-web"))), Map.of(),
				new Readiness.PortOpen(), Set.of(), List.of(), Part.Preparation.NONE);
	}

	/**
	 * The identity provider (module identity), signing with the key {@code bin/chairside token} signs with, so that
	 * people's and the command line's tokens verify alike; it sends people back to this catalogue's gateway.
	 */
	private Part issuerPart() {
		String client = "spring.security.oauth2.authorizationserver.client.chairside-console.registration.";
		Map<String, String> settings = ordered("server.port", Integer.toString(port("issuer")),
				"spring.security.oauth2.authorizationserver.issuer", issuer(), "chairside.identity.key-file",
				issuerKey().toString(), client + "redirect-uris", url("gateway") + "/login/oauth2/code/chairside",
				client + "post-logout-redirect-uris", url("gateway") + "/", "chairside.identity.console-url",
				url("gateway"));
		return new Part("issuer", List.of("identity", "devstack"), port("issuer"), List.of(), HEAPS.get("issuer"),
				BOOT_OPTIONS, jar("identity"), List.of(), settings,
				new Readiness.HttpOk("/.well-known/openid-configuration"), Set.of(),
				List.of(this.state.resolve("issuer")), Part.Preparation.NONE);
	}

	/**
	 * The trace viewer: Zipkin's own server (devstack's build fetches it; a Spring Boot jar, so it starts extracted
	 * and with a start-up archive like the services), keeping spans in memory. The services and
	 * the gateway send it theirs ({@link #traceExport}); people and the system tests read traces at
	 * {@code /api/v2/trace/<trace id>}, or in its web page.
	 */
	private Part zipkin() {
		Map<String, String> settings = ordered("armeria.ports[0].port", Integer.toString(port("zipkin")),
				"armeria.ports[0].ip", "127.0.0.1", "armeria.ports[0].protocols", "http", "zipkin.storage.type", "mem",
				"zipkin.storage.mem.max-spans", Integer.toString(ZIPKIN_MAX_SPANS));
		return new Part("zipkin", List.of("devstack"), port("zipkin"), List.of(), HEAPS.get("zipkin"), BOOT_OPTIONS,
				new Program.Jar(this.root.resolve("devstack/target/zipkin/zipkin-server.jar")), List.of(), settings,
				new Readiness.HttpOk("/health"), Set.of(), List.of(), Part.Preparation.NONE);
	}

	/**
	 * Every span to the trace viewer, sent within a second of its end, so that a trace is there to read as soon as
	 * its work is done.
	 */
	private Map<String, String> traceExport() {
		return ordered("management.tracing.export.zipkin.enabled", "true", "management.tracing.export.zipkin.endpoint",
				url("zipkin") + "/api/v2/spans", "management.tracing.sampling.probability", "1.0",
				"management.opentelemetry.tracing.export.schedule-delay", "1s");
	}

	/**
	 * A service process pointed at this catalogue's broker, store, issuer and neighbours. The services need the
	 * broker and the store to start (they make their topics and indexes); the issuer, the mail sink and the other
	 * services only once asked.
	 */
	private Part service(String service, String name, int port) {
		Map<String, String> settings = ordered("server.port", Integer.toString(port), "spring.kafka.bootstrap-servers",
				address("kafka"), "spring.mongodb.uri", "mongodb://" + address("mongodb") + "/" + database(service),
				"spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri(), "chairside.identity.issuer-uri",
				issuer());
		settings.putAll(traceExport());
		switch (service) {
			// a conversion asks account-service whether the practice has an account already; an order, its status
			case "lead-service" -> settings.put("chairside.leads.account-service.url", url("account-service"));
			case "order-service" -> settings.put("chairside.orders.account-service.url", url("account-service"));
			case "notification-service" -> {
				settings.put("spring.mail.port", Integer.toString(port("mail")));
				// a practice's order mail carries the order form, which order-service renders
				settings.put("chairside.notifications.customer.order-service-url", url("order-service"));
				// the embedded default only: webhook receivers on this machine's loopback (production never allows them)
				settings.put("chairside.notifications.webhooks.allow-loopback", "true");
			}
			default -> {
			}
		}
		return new Part(name, List.of(service), port, List.of(), HEAPS.getOrDefault(service, HEAPS.get("service")),
				BOOT_OPTIONS, jar(service), List.of(), settings, new Readiness.HttpOk(READINESS_PROBE),
				Set.of("kafka", "mongodb"), List.of(), Part.Preparation.NONE);
	}

	/**
	 * The gateway, routing to every replica of each service. It starts once they answer: its first requests find
	 * them, and it does not slow their start, the longest of all, by starting beside them.
	 */
	private Part gateway() {
		Map<String, String> settings = ordered("server.port", Integer.toString(port("gateway")),
				"spring.security.oauth2.resourceserver.jwt.jwk-set-uri", jwkSetUri(), "chairside.identity.issuer-uri",
				issuer());
		settings.putAll(traceExport());
		ROUTES.forEach((route, service) -> {
			List<String> urls = new ArrayList<>();
			for (int n = 1; n <= replicas(service); n++) {
				urls.add("http://127.0.0.1:" + replica(service, n).port());
			}
			settings.put("chairside.routes." + route, String.join(",", urls));
		});
		Set<String> services = new java.util.LinkedHashSet<>();
		for (String service : SERVICES) {
			for (int n = 1; n <= replicas(service); n++) {
				services.add(replica(service, n).name());
			}
		}
		return new Part("gateway", List.of("gateway"), port("gateway"), List.of(), HEAPS.get("gateway"), BOOT_OPTIONS,
				jar("gateway"), List.of(), settings, new Readiness.HttpOk(READINESS_PROBE), services, List.of(),
				Part.Preparation.NONE);
	}

	private String jwkSetUri() {
		return issuer() + "/.well-known/jwks.json";
	}

	private Program jar(String module) {
		return new Program.Jar(this.root.resolve(module + "/target/" + module + ".jar"));
	}

	/** {@link #BOOT_OPTIONS} for the JVM of version {@code java}. */
	static List<String> bootOptions(Runtime.Version java) {
		List<String> options = new ArrayList<>(List.of("-Xms32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-Xss512k", "-XX:NewRatio=3", "-XX:MinHeapFreeRatio=15", "-XX:MaxHeapFreeRatio=40",
				"-XX:-ShrinkHeapInSteps"));
		if (java.compareToIgnoreOptional(Runtime.Version.parse("17.0.9")) >= 0) {
			options.add(TRIM_NATIVE_HEAP);
		}
		return List.copyOf(options);
	}

	private String kafkaClasspath() {
		return this.root.resolve("devstack/target/lib") + File.separator + "*";
	}

	private String devstackClasspath() {
		return this.root.resolve("devstack/target/classes") + File.pathSeparator + kafkaClasspath();
	}

	private void checkService(String service) {
		if (!SERVICES.contains(service)) {
			throw new IllegalArgumentException("'" + service + "' is not a service (" + String.join(" ", SERVICES) + ")");
		}
	}

	/** The java that runs this JVM runs the parts too. */
	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	@SuppressWarnings("unchecked")
	private static <V> Map<String, V> ordered(Object... pairs) {
		Map<String, V> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], (V) pairs[i + 1]);
		}
		return map;
	}

}
