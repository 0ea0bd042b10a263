package com.chairside.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import com.chairside.devstack.MailSink;
import com.chairside.devstack.MongoStore;
import com.chairside.devstack.TokenIssuer;

/**
 * The broker, store, mail sink and token issuer that tests run against, started once per test JVM. One switch,
 * {@code -Dchairside.infrastructure=embedded|testcontainers} (default {@code auto}), chooses between the embedded ones
 * (a real KRaft broker and the MongoDB-wire server, in this JVM) and the real {@code apache/kafka} and {@code mongo}
 * images through Testcontainers; {@code auto} takes Testcontainers only where a Docker engine is reachable.
 */
public final class Infrastructure {

	private static Infrastructure instance;

	private final String kafkaBootstrap;

	private final String mongoConnection;

	private final TokenIssuer issuer;

	private final MailSink mail;

	private Infrastructure(String kafkaBootstrap, String mongoConnection) throws Exception {
		this.kafkaBootstrap = kafkaBootstrap;
		this.mongoConnection = mongoConnection;
		this.issuer = TokenIssuer.withNewKey().serve(0);
		this.mail = MailSink.start(0);
	}

	public static synchronized Infrastructure get() {
		if (instance == null) {
			try {
				instance = useTestcontainers() ? containers() : embedded();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Cannot start the test infrastructure", ex);
			}
		}
		return instance;
	}

	private static boolean useTestcontainers() {
		String mode = System.getProperty("chairside.infrastructure", System.getenv().getOrDefault("CHAIRSIDE_INFRASTRUCTURE", "auto"));
		if (mode.equals("auto")) {
			boolean socket = Files.exists(Path.of("/var/run/docker.sock")) || System.getenv("DOCKER_HOST") != null;
			return socket && org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
		}
		return mode.equals("testcontainers");
	}

	private static Infrastructure embedded() throws Exception {
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 6);
		kafka.brokerProperty("auto.create.topics.enable", "true");
		kafka.brokerProperty("num.partitions", "6");
		kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
		kafka.afterPropertiesSet();
		MongoStore mongo = MongoStore.inMemory();
		return new Infrastructure(kafka.getBrokersAsString(), mongo.connectionString());
	}

	@SuppressWarnings("resource")
	private static Infrastructure containers() throws Exception {
		KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0");
		MongoDBContainer mongo = new MongoDBContainer("mongo:7");
		kafka.start();
		mongo.start();
		return new Infrastructure(kafka.getBootstrapServers(), mongo.getConnectionString());
	}

	public String kafkaBootstrap() {
		return this.kafkaBootstrap;
	}

	/** {@code mongodb://host:port/<database>} */
	public String mongoUri(String database) {
		return this.mongoConnection + "/" + database;
	}

	public String jwkSetUri() {
		return this.issuer.jwkSetUri();
	}

	public int smtpPort() {
		return this.mail.smtpPort();
	}

	public MailSink mail() {
		return this.mail;
	}

	/** A signed token as the devstack issues it. */
	public String token(String user, String role, String region) {
		return this.issuer.issue(user, role, region, null);
	}

	/** How many regions besides the real ones the services under test accept: {@link #uniqueRegion()} hands them out. */
	static final int TEST_REGIONS = 500;

	private final java.util.concurrent.atomic.AtomicInteger nextRegion = new java.util.concurrent.atomic.AtomicInteger();

	/**
	 * A region no other test of this JVM uses, which the services under test accept in tokens (they accept only
	 * configured regions; {@link InfrastructureInitializer} configures the real ones and these).
	 */
	public String uniqueRegion() {
		int next = this.nextRegion.incrementAndGet();
		if (next > TEST_REGIONS) {
			throw new IllegalStateException("More than " + TEST_REGIONS + " test regions asked for");
		}
		return "TEST_REGION_" + next;
	}

	/** The regions the services under test accept: the real ones, then those {@link #uniqueRegion()} hands out. */
	static String acceptedRegions() {
		StringBuilder regions = new StringBuilder("NORTHEAST,SOUTHEAST,MIDWEST,SOUTHWEST,WEST,NORTHWEST");
		for (int i = 1; i <= TEST_REGIONS; i++) {
			regions.append(",TEST_REGION_").append(i);
		}
		return regions.toString();
	}

	/** A token as {@link #token} issues it, but issued by {@code issuer} (an identity provider a test stands up). */
	public String tokenIssuedBy(String issuer, String user, String role, String region) {
		return this.issuer.issuedBy(issuer).issue(user, role, region, null);
	}

	/** {@code claims} signed with the issuer's key as they are (see {@link ClaimChecks}). */
	public String sign(com.nimbusds.jwt.JWTClaimsSet claims) {
		return this.issuer.sign(claims);
	}

	public String departmentToken(String user, String department) {
		return this.issuer.issue(user, "DEPARTMENT", null, department);
	}

}
