package com.chairside.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.chairside.devstack.MailSink;
import com.chairside.devstack.MongoStore;
import com.chairside.devstack.TokenIssuer;
import com.chairside.launcher.Catalogue;
import com.chairside.launcher.FreePorts;
import com.chairside.launcher.Part;
import com.chairside.launcher.PartProcess;
import com.chairside.launcher.StartupArchive;
import com.chairside.launcher.Supervisor;
import com.chairside.testsupport.Api;

/**
 * The whole of Chairside, started once for all system tests through the launcher, each part its own process on free
 * ports, from the jars this build just packaged: the Kafka broker, the identity provider, the trace viewer (Zipkin),
 * the five services and the gateway. The store and the mail sink run in this JVM instead, because the tests read them
 * directly (the store also while it is "down" for the services, the mail as it was received); the services reach the
 * store through a fault proxy, and order-service reaches account-service through another, so that a test can take them
 * away or slow them. Tests sign their own tokens with the provider's key, so people signed in through the gateway and
 * tests' tokens verify alike.
 */
final class Suite {

	static final List<String> SERVICES = Catalogue.SERVICES;

	/** How long a part may take to answer: ten JVMs start together on two cores. */
	static final Duration READY = Duration.ofSeconds(240);

	/**
	 * The regions tokens may name here: the real six, then those the tests keep their records apart in. Every service
	 * and the gateway refuse a token naming any other (and so would production, with its configured list).
	 */
	static final String REGIONS = "NORTHEAST,SOUTHEAST,MIDWEST,SOUTHWEST,WEST,NORTHWEST,PACIFIC,PROSPECTING,ACCOUNTWORK,"
			+ "RESUME,MEETING,FAULT_BROKER_FROZEN,FAULT_BROKER_KILLED,FAULT_NOTIFICATIONS_KILLED,FAULT_POISON,"
			+ "FAULT_PRODUCER_KILLED,FAULT_REDELIVERED,FAULT_REPORTING_KILLED,FAULT_SLOW_DEPENDENCY,FAULT_STORE_STOPPED,TRACING";

	/**
	 * Traces only of requests that ask for one (a sampled {@code traceparent}, as TracingSystemTests sends): the load
	 * the fault tests drive would otherwise keep the trace viewer and every part busy with spans no test reads.
	 */
	private static final String TRACE_SAMPLING = "0.0";

	/** What every service is told beyond where its neighbours are: the tests' regions, a quick outbox, their logs. */
	private static final Map<String, String> SERVICE_SETTINGS = Map.of("chairside.identity.regions", REGIONS,
			"chairside.outbox.sweep-interval", "1s", "logging.level.com.chairside", "DEBUG",
			"management.tracing.sampling.probability", TRACE_SAMPLING);

	private static Suite instance;

	private final Path root;

	/** Pid files, the broker's data, the provider's key, the jars' copies: this run's alone. */
	private final Path state;

	private final Path logs;

	private MongoStore mongo;

	private MailSink mail;

	/** Between the services and the store, so that a fault test can stop the store for them. */
	private FaultProxy store;

	/** Between order-service and account-service, so that a fault test can make account-service slow. */
	private FaultProxy accountsForOrders;

	private TokenIssuer issuer;

	private Catalogue catalogue;

	private Supervisor supervisor;

	private final Map<String, PartProcess> processes = new LinkedHashMap<>();

	private final Map<String, Integer> replicas = new HashMap<>();

	private Suite() throws Exception {
		this.root = Path.of(System.getProperty("chairside.root", "..")).toAbsolutePath().normalize();
		this.logs = this.root.resolve("system-tests/target/processes");
		this.state = Files.createTempDirectory("chairside-suite");
		try {
			start();
		}
		catch (Exception | Error ex) {
			// What did start must not outlive the failure: a later test class would start a second suite beside it.
			stopAll();
			throw ex;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "chairside-suite-stop"));
	}

	private void start() throws IOException {
		this.mongo = MongoStore.inMemory();
		this.mail = MailSink.start(0);
		String store = this.mongo.connectionString();
		this.store = new FaultProxy("store", Integer.parseInt(store.substring(store.lastIndexOf(':') + 1)));
		Catalogue onFreePorts = Catalogue.of(this.root, this.state).onFreePorts();
		this.accountsForOrders = new FaultProxy("accounts", onFreePorts.port("account-service"));
		Catalogue catalogue = onFreePorts.withPort("mongodb", this.store.port())
			.withPort("mail", this.mail.smtpPort())
			.adjusting("order-service", (part) -> part.withSetting("chairside.orders.account-service.url",
					"http://127.0.0.1:" + this.accountsForOrders.port()))
			.adjusting("notification-service", (part) -> part.withSetting("chairside.notifications.dispatch-interval", "200ms"))
			.adjusting("gateway", (part) -> part.withSetting("chairside.identity.regions", REGIONS)
				.withSetting("management.tracing.sampling.probability", TRACE_SAMPLING));
		for (String service : SERVICES) {
			catalogue = catalogue.adjusting(service, (part) -> part.withSettings(SERVICE_SETTINGS));
		}
		this.catalogue = catalogue;
		this.issuer = TokenIssuer.withKeyIn(catalogue.issuerKey()).issuedBy(catalogue.issuer());
		this.supervisor = Supervisor.attached(this.state, this.logs);
		List<Part> parts = Stream.of(List.of("kafka", "issuer", "zipkin"), SERVICES, List.of("gateway"))
			.flatMap(List::stream)
			.map(catalogue::part)
			.toList();
		this.processes.putAll(this.supervisor.up(parts, READY));
	}

	static synchronized Suite get() {
		if (instance == null) {
			try {
				instance = new Suite();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Cannot start the suite; process logs are in system-tests/target/processes", ex);
			}
		}
		return instance;
	}

	/** The identity provider's issuer URI (its discovery document is under it). */
	String identityIssuer() {
		return this.catalogue.issuer();
	}

	/** Where the start-up archive of {@code service}'s jar is once trained. */
	Path startupArchive(String service) {
		return StartupArchive.of(this.root.resolve(service + "/target/" + service + ".jar"));
	}

	/** Where a browser opens the console. */
	String gatewayUrl() {
		return this.catalogue.url("gateway");
	}

	/**
	 * Another replica of each service, on a new port, sharing its database and consumer group, with settings of its
	 * own (a shorter lease, say) and reached directly: the work a test gives it runs there, not wherever the gateway
	 * would send it. They start together: on two cores, JVMs side by side are ready sooner than one after the other.
	 */
	synchronized Map<String, Replica> startReplicas(Map<String, List<String>> settingsByService) {
		Map<String, Part> parts = new LinkedHashMap<>();
		settingsByService.forEach((service, settings) -> {
			int n = this.replicas.merge(service, 2, (last, one) -> last + 1);
			parts.put(service, this.catalogue.replica(service, n, FreePorts.next()).withCommandLineSettings(settings));
		});
		Map<String, PartProcess> started = this.supervisor.up(List.copyOf(parts.values()), READY);
		Map<String, Replica> replicas = new LinkedHashMap<>();
		parts.forEach((service, part) -> replicas.put(service, new Replica(started.get(part.name()))));
		return replicas;
	}

	record Replica(PartProcess process) {

		int port() {
			return this.process.port();
		}

		Api api(String token) {
			return new Api("http://" + this.process.address(), token);
		}

	}

	Api gateway(String token) {
		return new Api(gatewayUrl(), token);
	}

	/** The trace viewer's API ({@code /api/v2/...}), where every part sends its spans. */
	Api zipkin() {
		return new Api(this.catalogue.url("zipkin"), null);
	}

	/** A service itself, not through the gateway, without a token. */
	Api direct(String service) {
		return new Api(this.catalogue.url(service), null);
	}

	Api accountManager(String region) {
		return gateway(this.issuer.issue("am." + region.toLowerCase(), "ACCOUNT_MANAGER", region, null));
	}

	String token(String user, String role, String region, String department) {
		return this.issuer.issue(user, role, region, department);
	}

	/** {@code claims} signed with this suite's key as they are (tokens the services must refuse). */
	String sign(com.nimbusds.jwt.JWTClaimsSet claims) {
		return this.issuer.sign(claims);
	}

	/** A part's process: the broker, the provider ({@code issuer}), a service or the gateway. */
	PartProcess process(String name) {
		return this.processes.get(name);
	}

	/** Waits until a service's process (restarted, say) reports ready. */
	void awaitReady(String service) {
		this.processes.get(service).awaitReady(READY);
	}

	Path root() {
		return this.root;
	}

	int port(String name) {
		return this.catalogue.port(name);
	}

	FaultProxy store() {
		return this.store;
	}

	FaultProxy accountsForOrders() {
		return this.accountsForOrders;
	}

	/** The store itself, not through the proxy: the tests read what the services wrote, also while it is "down". */
	String storeConnectionString() {
		return this.mongo.connectionString();
	}

	/** The broker's process; its address is the bootstrap server. */
	PartProcess kafka() {
		return this.processes.get("kafka");
	}

	MailSink mail() {
		return this.mail;
	}

	/** Stops what runs; also after a start that failed half-way, so any part may still be missing. */
	private void stopAll() {
		stop(this.supervisor, Supervisor::close);
		stop(this.mail, MailSink::close);
		stop(this.store, FaultProxy::close);
		stop(this.accountsForOrders, FaultProxy::close);
		stop(this.mongo, MongoStore::close);
		deleteQuietly(this.state);
	}

	private static <T> void stop(T part, Consumer<T> stop) {
		if (part != null) {
			stop.accept(part);
		}
	}

	private static void deleteQuietly(Path folder) {
		try (Stream<Path> paths = Files.walk(folder)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException | UncheckedIOException ex) {
			// a temporary folder left behind is harmless
		}
	}

}
