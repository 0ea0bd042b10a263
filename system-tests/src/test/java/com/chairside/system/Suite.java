package com.chairside.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.chairside.devstack.FreePorts;
import com.chairside.devstack.MailSink;
import com.chairside.devstack.MongoStore;
import com.chairside.devstack.TokenIssuer;
import com.chairside.testsupport.Api;

import static org.awaitility.Awaitility.await;

/**
 * The whole of Chairside, started once for all system tests: a Kafka broker process, the MongoDB-wire store, the
 * token issuer and the mail sink, then the identity provider, the five services and the gateway, each its own process
 * on a free port, built from the jars this build just packaged. The provider signs with the token issuer's key, so
 * people signed in through the gateway and the tests' own tokens verify alike.
 */
final class Suite {

	static final List<String> SERVICES = List.of("lead-service", "account-service", "order-service",
			"notification-service", "reporting-service");

	private static Suite instance;

	private final Path root;

	private final Path logs;

	private KafkaBroker kafka;

	private MongoStore mongo;

	private TokenIssuer issuer;

	private MailSink mail;

	/** Between the services and the store, so that a fault test can stop the store for them. */
	private FaultProxy store;

	/** Between order-service and account-service, so that a fault test can make account-service slow. */
	private FaultProxy accountsForOrders;

	private final Map<String, Integer> ports = new LinkedHashMap<>();

	private final Map<String, ManagedProcess> processes = new LinkedHashMap<>();

	private final List<ManagedProcess> extras = new ArrayList<>();

	private final java.util.Set<String> copied = new java.util.HashSet<>();

	private Suite() throws Exception {
		this.root = Path.of(System.getProperty("chairside.root", "..")).toAbsolutePath().normalize();
		this.logs = this.root.resolve("system-tests/target/processes");
		Files.createDirectories(this.logs);
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

	private void start() throws Exception {
		this.kafka = new KafkaBroker(this.root, Files.createTempDirectory("chairside-kafka"), this.logs).start();
		this.mongo = MongoStore.inMemory();
		Path issuerKey = Files.createTempDirectory("chairside-issuer").resolve("key.json");
		this.ports.put("identity", FreePorts.next());
		this.issuer = TokenIssuer.withKeyIn(issuerKey).issuedBy(identityIssuer()).serve(0);
		this.mail = MailSink.start(0);
		String store = this.mongo.connectionString();
		this.store = new FaultProxy("store", Integer.parseInt(store.substring(store.lastIndexOf(':') + 1)));
		await("the broker").atMost(Duration.ofSeconds(60)).until(this.kafka::listening);
		for (String service : SERVICES) {
			this.ports.put(service, FreePorts.next());
		}
		this.ports.put("gateway", FreePorts.next());
		this.accountsForOrders = new FaultProxy("accounts", this.ports.get("account-service"));
		this.processes.put("identity", identity(issuerKey).start());
		for (String service : SERVICES) {
			this.processes.put(service, service(service, this.ports.get(service)).start());
		}
		this.processes.put("gateway", gateway().start());
		for (Map.Entry<String, ManagedProcess> process : this.processes.entrySet()) {
			awaitReady(process.getValue(), this.ports.get(process.getKey()));
		}
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

	/**
	 * The regions tokens may name here: the real six, then those the tests keep their records apart in. Every service
	 * and the gateway refuse a token naming any other (and so would production, with its configured list).
	 */
	static final String REGIONS = "NORTHEAST,SOUTHEAST,MIDWEST,SOUTHWEST,WEST,NORTHWEST,PACIFIC,PROSPECTING,ACCOUNTWORK,"
			+ "RESUME,MEETING,FAULT_BROKER_FROZEN,FAULT_BROKER_KILLED,FAULT_POISON,FAULT_PRODUCER_KILLED,FAULT_REDELIVERED,FAULT_SLOW_DEPENDENCY,"
			+ "FAULT_STORE_STOPPED";

	/** A service process pointed at this suite's broker, store, issuer and mail sink. */
	ManagedProcess service(String name, int port) {
		return service(name, port, List.of());
	}

	/** As {@link #service(String, int)}, with settings of its own (they come last, so they win). */
	ManagedProcess service(String name, int port, List<String> settings) {
		String database = name.replace("-service", "");
		List<String> args = new ArrayList<>(List.of("--server.port=" + port,
				"--spring.kafka.bootstrap-servers=" + this.kafka.bootstrap(),
				"--spring.mongodb.uri=mongodb://127.0.0.1:" + this.store.port() + "/chairside-" + database,
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + this.issuer.jwkSetUri(),
				"--chairside.identity.issuer-uri=" + identityIssuer(), "--chairside.identity.regions=" + REGIONS,
				"--chairside.outbox.sweep-interval=1s", "--logging.level.com.chairside=DEBUG"));
		if (name.equals("order-service")) {
			args.add("--chairside.accounts.url=http://127.0.0.1:" + this.accountsForOrders.port());
		}
		if (name.equals("lead-service")) {
			// a conversion asks account-service whether the practice has an account already
			args.add("--chairside.accounts.url=http://127.0.0.1:" + this.ports.get("account-service"));
		}
		if (name.equals("notification-service")) {
			args.add("--spring.mail.port=" + this.mail.smtpPort());
			args.add("--chairside.notification.dispatch-interval=200ms");
			// a practice's order mail carries the order form, which order-service renders
			args.add("--chairside.notification.customer.order-service-url=http://127.0.0.1:" + this.ports.get("order-service"));
			// the embedded default: webhook receivers on this machine's loopback
			args.add("--chairside.notifications.webhooks.allow-loopback=true");
		}
		args.addAll(settings);
		String processName = (port == this.ports.get(name)) ? name : name + "-" + port;
		return ManagedProcess.springBoot(processName, jar(name), args, this.logs);
	}

	/** The OpenID Connect provider people sign in with, its console client sent back to this suite's gateway. */
	private ManagedProcess identity(Path key) {
		String client = "--spring.security.oauth2.authorizationserver.client.chairside-console.registration.";
		return ManagedProcess.springBoot("identity", jar("identity"),
				List.of("--server.port=" + this.ports.get("identity"),
						"--spring.security.oauth2.authorizationserver.issuer=" + identityIssuer(),
						"--chairside.identity.key-file=" + key,
						client + "redirect-uris=" + gatewayUrl() + "/login/oauth2/code/chairside",
						client + "post-logout-redirect-uris=" + gatewayUrl() + "/"),
				this.logs);
	}

	/** The identity provider's issuer URI (its discovery document is under it). */
	String identityIssuer() {
		return "http://127.0.0.1:" + this.ports.get("identity");
	}

	/** Where a browser opens the console. */
	String gatewayUrl() {
		return "http://127.0.0.1:" + this.ports.get("gateway");
	}

	private ManagedProcess gateway() {
		String url = "http://127.0.0.1:";
		return ManagedProcess.springBoot("gateway", jar("gateway"),
				List.of("--server.port=" + this.ports.get("gateway"),
						"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + this.issuer.jwkSetUri(),
						"--chairside.identity.issuer-uri=" + identityIssuer(),
						"--chairside.identity.regions=" + REGIONS,
						"--chairside.routes.leads=" + url + this.ports.get("lead-service"),
						"--chairside.routes.accounts=" + url + this.ports.get("account-service"),
						"--chairside.routes.orders=" + url + this.ports.get("order-service"),
						"--chairside.routes.products=" + url + this.ports.get("order-service"),
						"--chairside.routes.notifications=" + url + this.ports.get("notification-service"),
						"--chairside.routes.reports=" + url + this.ports.get("reporting-service")),
				this.logs);
	}

	/**
	 * A copy of the module's packaged jar, taken once: a module rebuilt while the suite runs must not change the jar
	 * under a running process, nor what a restarted one runs.
	 */
	private Path jar(String module) {
		Path copy = this.logs.resolve("jars/" + module + ".jar");
		try {
			if (this.copied.add(module)) {
				Files.createDirectories(copy.getParent());
				Files.copy(this.root.resolve(module + "/target/" + module + ".jar"), copy,
						java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			return copy;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static void awaitReady(ManagedProcess process, int port) {
		await(process.name() + " ready").atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
			.until(() -> process.ready("http://127.0.0.1:" + port + "/actuator/health/readiness"));
	}

	/** Another replica of {@code service} on a new port, sharing its database and consumer group. */
	ManagedProcess startReplica(String service) {
		int port = FreePorts.next();
		ManagedProcess replica = service(service, port).start();
		this.extras.add(replica);
		awaitReady(replica, port);
		return replica;
	}

	/**
	 * Another replica with settings of its own (a shorter lease, say), reached directly on its port: the work a test
	 * gives it runs there, not wherever the gateway would send it.
	 */
	Replica startReplica(String service, List<String> settings) {
		int port = FreePorts.next();
		ManagedProcess replica = service(service, port, settings).start();
		this.extras.add(replica);
		awaitReady(replica, port);
		return new Replica(replica, port);
	}

	record Replica(ManagedProcess process, int port) {

		Api api(String token) {
			return new Api("http://127.0.0.1:" + this.port, token);
		}

	}

	Api gateway(String token) {
		return new Api("http://127.0.0.1:" + this.ports.get("gateway"), token);
	}

	/** A service itself, not through the gateway, without a token. */
	Api direct(String service) {
		return new Api("http://127.0.0.1:" + this.ports.get(service), null);
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

	ManagedProcess process(String name) {
		return this.processes.get(name);
	}

	/** Waits until a service's process (restarted, say) reports ready. */
	void awaitReady(String service) {
		awaitReady(this.processes.get(service), this.ports.get(service));
	}

	Path root() {
		return this.root;
	}

	int port(String name) {
		return this.ports.get(name);
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

	KafkaBroker kafka() {
		return this.kafka;
	}

	MailSink mail() {
		return this.mail;
	}

	/** Stops what runs; also after a start that failed half-way, so any part may still be missing. */
	private void stopAll() {
		this.extras.forEach(ManagedProcess::stop);
		List<ManagedProcess> running = new ArrayList<>(this.processes.values());
		java.util.Collections.reverse(running);
		running.forEach(ManagedProcess::stop);
		stop(this.kafka, KafkaBroker::stop);
		stop(this.mail, MailSink::close);
		stop(this.issuer, TokenIssuer::close);
		stop(this.store, FaultProxy::close);
		stop(this.accountsForOrders, FaultProxy::close);
		stop(this.mongo, MongoStore::close);
	}

	private static <T> void stop(T part, java.util.function.Consumer<T> stop) {
		if (part != null) {
			stop.accept(part);
		}
	}

}
