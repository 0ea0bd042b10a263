package com.chairside.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml}: the single-node default and the {@code cluster} profile (three Kafka brokers, a
 * three-member MongoDB replica set). There is no container engine on the build machine, so the file is checked as
 * data: every service has a cluster twin that talks to all three brokers and to the replica set with write concern
 * majority, topics are replicated three times with two in sync, and the variables used really bind to the settings
 * they are meant for. The cluster is the production shape, so it is locked down too: SASL/SCRAM and ACLs on the
 * brokers (tried for real by {@link KafkaAccessIntegrationTests}), MongoDB with authentication and one user per service.
 */
class ComposeFileUnitTests {

	static final List<String> SERVICES = List.of("lead-service", "account-service", "order-service",
			"notification-service", "reporting-service");

	/** The images' version when CHAIRSIDE_VERSION is not set: the tag the Kubernetes manifests deploy. */
	static final String VERSION = "0.1.0";

	static Map<String, Map<String, Object>> services;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void read() throws IOException {
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(200);
		try (Reader in = Files.newBufferedReader(Path.of("..", "docker-compose.yml"))) {
			Map<String, Object> compose = new Yaml(options).load(in);
			services = (Map<String, Map<String, Object>>) compose.get("services");
		}
	}

	@Test
	void theDefaultStackIsOneBrokerAndOneStoreWithoutProfiles() {
		for (String name : List.of("kafka", "mongo", "mail", "gateway")) {
			assertThat(services.get(name)).as(name).isNotNull().doesNotContainKey("profiles");
		}
		SERVICES.forEach((name) -> assertThat(services.get(name)).as(name).doesNotContainKey("profiles"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyServiceRunsItsModulesImageAsTheImageDefinesIt() {
		for (String module : ImageDefinition.MODULES) {
			ImageDefinition image = ImageDefinition.of(module);
			for (String name : List.of(module, module + "-cluster")) {
				Map<String, Object> service = service(name);
				assertThat(service.get("build")).as(name + " builds from " + module + "/Dockerfile").isEqualTo("./" + module);
				assertThat(service.get("image")).as(name)
					.isEqualTo(ImageDefinition.imageName(module) + ":${CHAIRSIDE_VERSION:-" + VERSION + "}");
				assertThat(service).as(name + " runs the image's entry point, port, options and health check")
					.doesNotContainKeys("command", "entrypoint", "volumes", "healthcheck", "expose");
				assertThat(environment(service)).as(name)
					.doesNotContainKeys("SERVER_PORT", "SERVER_ADDRESS", "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");
			}
		}
	}

	@Test
	void everyAddressOfAServiceUsesTheImagesPort() {
		services.forEach((name, service) -> {
			if (service.get("environment") instanceof Map<?, ?> environment) {
				environment.forEach((key, value) -> KubernetesManifestUnitTests
					.assertAddressesUseTheImagesPorts(name + " " + key, String.valueOf(value)));
			}
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void theClusterHasThreeBrokersThatVoteTogetherAndKeepTwoReplicasInSync() {
		for (int member = 1; member <= 3; member++) {
			Map<String, Object> broker = service("kafka-" + member);
			assertThat(broker.get("profiles")).isEqualTo(List.of("cluster"));
			Map<String, Object> env = environment(broker);
			assertThat(env.get("KAFKA_NODE_ID")).isEqualTo(member);
			assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
			assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("BROKER://kafka-" + member + ":9092");
			assertThat(env.get("KAFKA_DEFAULT_REPLICATION_FACTOR")).isEqualTo(3);
			assertThat(env.get("KAFKA_MIN_INSYNC_REPLICAS")).isEqualTo(2);
			assertThat(env.get("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR")).isEqualTo(3);
			assertThat(env.get("CLUSTER_ID")).isEqualTo(environment(service("kafka-1")).get("CLUSTER_ID"));
			assertThat((List<String>) broker.get("volumes")).as("each broker keeps its own log")
				.filteredOn((volume) -> volume.startsWith("kafka-"))
				.singleElement().asString().startsWith("kafka-" + member + "-data:");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theClusterBrokersLetInOnlyScramUsersAndAuthorizeEveryRequest() throws IOException {
		for (int member = 1; member <= 3; member++) {
			Map<String, Object> broker = service("kafka-" + member);
			Map<String, Object> env = environment(broker);
			assertThat(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).isEqualTo("BROKER:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
			assertThat(env.get("KAFKA_LISTENER_NAME_BROKER_SASL_ENABLED_MECHANISMS")).isEqualTo("SCRAM-SHA-512");
			assertThat(env.get("KAFKA_AUTHORIZER_CLASS_NAME")).isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
			assertThat(env.get("KAFKA_SUPER_USERS")).isEqualTo("User:admin");
			assertThat(env.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")).isEqualTo("false");
			assertThat((List<String>) broker.get("entrypoint")).contains("/deploy/kafka/start-broker.sh");
		}
		Map<String, Object> access = service("kafka-access");
		assertThat(access.get("profiles")).isEqualTo(List.of("cluster"));
		assertThat((Map<String, Object>) access.get("depends_on")).containsKeys("kafka-1", "kafka-2", "kafka-3");
		assertThat(String.join(" ", (List<String>) access.get("command"))).contains("/deploy/kafka/grant-access.sh");
		for (String[] line : KafkaAccessIntegrationTests.accessLines()) {
			assertThat(environment(access)).as("a password for " + line[0])
				.containsKey("CHAIRSIDE_KAFKA_PASSWORD_" + line[0].toUpperCase().replace('-', '_'));
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theClusterHasAThreeMemberReplicaSetFormedOnceWithAuthenticationAndAUserPerService() throws IOException {
		for (int member = 1; member <= 3; member++) {
			Map<String, Object> mongo = service("mongo-" + member);
			assertThat(mongo.get("profiles")).isEqualTo(List.of("cluster"));
			assertThat((List<String>) mongo.get("command")).containsSequence("--replSet", "rs0")
				.contains("--auth", "--keyFile");
		}
		assertThat(String.join(" ", (List<String>) service("mongo-init").get("command")))
			.contains("--username root", "/deploy/mongo/init-cluster.js");
		String init = Files.readString(Path.of("mongo", "init-cluster.js"));
		assertThat(init).contains("rs.initiate", "mongo-1:27017", "mongo-2:27017", "mongo-3:27017")
			.contains("roles = [{ role: 'readWrite', db: database }]");
		for (String name : SERVICES) {
			String uri = settingsOf(service(name + "-cluster")).bind("spring.mongodb.uri", String.class).get();
			String database = uri.substring(uri.indexOf("/chairside-") + 1, uri.indexOf('?'));
			assertThat(uri).as(name).startsWith("mongodb://" + name + ":");
			assertThat(init).as(name + " has a user in its own database only").contains("'" + name + "': '" + database + "'");
			assertThat(environment(service("mongo-init")))
				.containsKey("CHAIRSIDE_MONGO_PASSWORD_" + name.toUpperCase().replace('-', '_'));
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyServiceHasAClusterTwinOnAllBrokersAndTheReplicaSetWithMajorityWrites() {
		for (String name : SERVICES) {
			Map<String, Object> twin = service(name + "-cluster");
			assertThat(twin.get("profiles")).as(name).isEqualTo(List.of("cluster"));
			assertThat((Map<String, Object>) twin.get("depends_on")).as(name)
				.containsKeys("kafka-1", "kafka-2", "kafka-3", "mongo-init", "kafka-access")
				.doesNotContainKeys("kafka", "mongo");
			Binder settings = settingsOf(twin);
			assertThat(settings.bind("spring.kafka.bootstrap-servers", String.class).orElse(null)).as(name)
				.isEqualTo("kafka-1:9092,kafka-2:9092,kafka-3:9092");
			assertThat(settings.bind("spring.mongodb.uri", String.class).get()).as(name)
				.contains("mongo-1:27017,mongo-2:27017,mongo-3:27017/chairside-")
				.contains("replicaSet=rs0")
				.contains("w=majority");
			assertThat(settings.bind("chairside.outbox.replication-factor", Integer.class).get()).as(name).isEqualTo(3);
			assertThat(settings.bind("chairside.outbox.partitions", Integer.class).get()).as(name).isEqualTo(12);
			assertThat(settings.bind("spring.cloud.stream.kafka.binder.required-acks", String.class).get()).as(name)
				.isEqualTo("all");
			assertThat(settings.bind("spring.kafka.security.protocol", String.class).get()).as(name)
				.isEqualTo("SASL_PLAINTEXT");
			Map<String, String> kafka = settings.bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class))
				.get();
			assertThat(kafka).as(name).containsEntry("sasl.mechanism", "SCRAM-SHA-512");
			assertThat(kafka.get("sasl.jaas.config")).as(name)
				.startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")
				.contains("username=\"" + name + "\"");
		}
	}

	@Test
	void theClusterGatewayRoutesToTheClusterServicesOnly() {
		Map<String, Object> env = environment(service("gateway-cluster"));
		List.of("LEADS", "ACCOUNTS", "ORDERS", "PRODUCTS", "NOTIFICATIONS", "REPORTS")
			.forEach((route) -> assertThat((String) env.get("CHAIRSIDE_ROUTES_" + route)).as(route).contains("-cluster:"));
		assertThat(environment(service("order-service-cluster")).get("CHAIRSIDE_ACCOUNTS_URL"))
			.isEqualTo("http://account-service-cluster:8082");
	}

	/**
	 * The service's variables as Spring Boot would bind them, resolved through the placeholders of the shared
	 * defaults (the bootstrap servers come from {@code CHAIRSIDE_KAFKA}).
	 */
	private static Binder settingsOf(Map<String, Object> service) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
				"compose-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment(service)));
		environment.getPropertySources()
			.addLast(new MapPropertySource("chairside-defaults",
					Map.of("spring.kafka.bootstrap-servers", "${CHAIRSIDE_KAFKA:127.0.0.1:9092}")));
		ConfigurationPropertySources.attach(environment);
		return Binder.get(environment);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(Map<String, Object> service) {
		return (Map<String, Object>) service.get("environment");
	}

	private static Map<String, Object> service(String name) {
		assertThat(services).as("docker-compose.yml services").containsKey(name);
		return services.get(name);
	}

}
