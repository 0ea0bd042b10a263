package com.chairside.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueUnitTests {

	static final Path ROOT = Path.of("/repo");

	static final Path STATE = Path.of("/repo/.chairside");

	final Catalogue catalogue = Catalogue.of(ROOT, STATE);

	@Test
	void thePartsStartInTheOrderPeopleReadThemOnTheirUsualPorts() {
		assertThat(this.catalogue.parts()).extracting(Part::name, Part::port)
			.containsExactly(tuple("kafka", 9092), tuple("mongodb", 27017), tuple("mail", 2525), tuple("issuer", 9000),
					tuple("zipkin", 9411), tuple("lead-service", 8081), tuple("account-service", 8082), tuple("order-service", 8083),
					tuple("notification-service", 8084), tuple("reporting-service", 8085), tuple("gateway", 8080));
		assertThat(this.catalogue.part("kafka").otherPorts()).containsExactly(9093);
		assertThat(this.catalogue.part("mail").otherPorts()).containsExactly(8025);
	}

	@Test
	void eachPartHasItsHeapAndTheSpringBootPartsStartWithC1Only() {
		assertThat(this.catalogue.parts()).extracting(Part::name, Part::heap)
			.contains(tuple("kafka", "384m"), tuple("mongodb", "512m"), tuple("mail", "64m"), tuple("issuer", "160m"),
					tuple("zipkin", "160m"), tuple("order-service", "128m"), tuple("reporting-service", "256m"),
					tuple("gateway", "128m"));
		assertThat(this.catalogue.withReplicas(Map.of("reporting-service", 2)).part("reporting-service-2").heap())
			.isEqualTo("256m");
		assertThat(this.catalogue.part("order-service").jvmOptions()).containsExactly("-Xms32m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:NewRatio=3", "-XX:MinHeapFreeRatio=15",
				"-XX:MaxHeapFreeRatio=40", "-XX:-ShrinkHeapInSteps", "-XX:TrimNativeHeapInterval=5000");
		assertThat(this.catalogue.part("mongodb").jvmOptions()).containsExactly("-Xms256m", "-Xmn128m", "-XX:+UseSerialGC");
	}

	@Test
	void theNativeHeapIsTrimmedOnlyWhereTheJvmKnowsTheOption() {
		assertThat(Catalogue.bootOptions(Runtime.Version.parse("17.0.8+7"))).doesNotContain(Catalogue.TRIM_NATIVE_HEAP)
			.contains("-XX:TieredStopAtLevel=1");
		assertThat(Catalogue.bootOptions(Runtime.Version.parse("17.0.9"))).contains(Catalogue.TRIM_NATIVE_HEAP);
		assertThat(Catalogue.bootOptions(Runtime.Version.parse("25"))).contains(Catalogue.TRIM_NATIVE_HEAP);
	}

	@Test
	void aServiceRunsFromItsModulesJarAndIsToldWhereEverythingItTalksToIs() {
		Part orders = this.catalogue.part("order-service");

		assertThat(orders.command("java")).startsWith("java", "-Dchairside.part=order-service", "-Xmx128m")
			.containsSequence("-jar", "/repo/order-service/target/order-service.jar", "--server.port=8083")
			.contains("--spring.kafka.bootstrap-servers=127.0.0.1:9092",
					"--spring.mongodb.uri=mongodb://127.0.0.1:27017/chairside-orders",
					"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9000/.well-known/jwks.json",
					"--chairside.identity.issuer-uri=http://127.0.0.1:9000",
					"--chairside.orders.account-service.url=http://127.0.0.1:8082");
		assertThat(orders.readiness()).isEqualTo(new Readiness.HttpOk("/actuator/health/readiness"));
		assertThat(orders.modules()).containsExactly("order-service");
	}

	@Test
	void theTraceViewerRunsZipkinsJarOnLoopbackAndEveryServiceAndTheGatewaySendItTheirSpans() {
		Part zipkin = this.catalogue.part("zipkin");

		assertThat(zipkin.command("java")).containsSequence("-jar", "/repo/devstack/target/zipkin/zipkin-server.jar")
			.contains("--armeria.ports[0].port=9411", "--armeria.ports[0].ip=127.0.0.1", "--zipkin.storage.type=mem");
		assertThat(zipkin.readiness()).isEqualTo(new Readiness.HttpOk("/health"));
		assertThat(Stream.concat(Catalogue.SERVICES.stream(), Stream.of("gateway")).map(this.catalogue::part))
			.allSatisfy((part) -> assertThat(part.settings())
				.containsEntry("management.tracing.export.zipkin.enabled", "true")
				.containsEntry("management.tracing.export.zipkin.endpoint", "http://127.0.0.1:9411/api/v2/spans")
				.containsEntry("management.tracing.sampling.probability", "1.0"));
	}

	@Test
	void theServicesWaitForTheBrokerAndTheStoreAndTheGatewayForTheServices() {
		assertThat(this.catalogue.parts()).filteredOn((part) -> Catalogue.SERVICES.contains(part.name()))
			.hasSize(5)
			.allSatisfy((service) -> assertThat(service.dependencies()).containsExactlyInAnyOrder("kafka", "mongodb"));
		assertThat(this.catalogue.part("gateway").dependencies()).containsExactlyInAnyOrderElementsOf(Catalogue.SERVICES);
		assertThat(List.of("kafka", "mongodb", "mail", "issuer", "zipkin"))
			.allSatisfy((part) -> assertThat(this.catalogue.part(part).dependencies()).isEmpty());
	}

	@Test
	void theEmbeddedDefaultRunsFromDevstacksClassesAndKeepsItsDataInTheStateFolder() {
		Part kafka = this.catalogue.part("kafka");
		Part store = this.catalogue.part("mongodb");

		assertThat(kafka.program()).isEqualTo(new Program.MainClass("/repo/devstack/target/lib/*", "kafka.Kafka"));
		assertThat(kafka.arguments()).containsExactly("/repo/.chairside/kafka/server.properties");
		assertThat(kafka.readiness()).isEqualTo(new Readiness.KafkaMetadata());
		assertThat(kafka.data()).containsExactly(STATE.resolve("kafka"));
		assertThat(store.program()).isEqualTo(new Program.MainClass(
				"/repo/devstack/target/classes" + java.io.File.pathSeparator + "/repo/devstack/target/lib/*",
				"com.chairside.devstack.MongoStore"));
		assertThat(store.arguments()).containsExactly("/repo/.chairside/mongodb", "27017");
		assertThat(this.catalogue.part("mail").arguments()).containsExactly("2525", "8025");
	}

	@Test
	void theIssuerSignsWithTheSharedKeyAndSendsPeopleBackToThisGateway() {
		Catalogue moved = this.catalogue.withPort("gateway", 18080).withPort("issuer", 19000);
		Part issuer = moved.part("issuer");

		assertThat(issuer.settings()).containsEntry("server.port", "19000")
			.containsEntry("spring.security.oauth2.authorizationserver.issuer", "http://127.0.0.1:19000")
			.containsEntry("chairside.identity.key-file", "/repo/.chairside/issuer/key.json")
			.containsEntry("spring.security.oauth2.authorizationserver.client.chairside-console.registration.redirect-uris",
					"http://127.0.0.1:18080/login/oauth2/code/chairside");
		assertThat(issuer.modules()).containsExactly("identity", "devstack");
		assertThat(moved.part("gateway").settings()).containsEntry("chairside.identity.issuer-uri", "http://127.0.0.1:19000");
	}

	@Test
	void aPortMovedIsWhereEveryPartThatTalksToItIsSent() {
		Catalogue proxied = this.catalogue.withPort("mongodb", 40000).withPort("account-service", 40001);

		assertThat(proxied.part("lead-service").settings())
			.containsEntry("spring.mongodb.uri", "mongodb://127.0.0.1:40000/chairside-leads")
			.containsEntry("chairside.leads.account-service.url", "http://127.0.0.1:40001");
		assertThat(proxied.part("gateway").settings()).containsEntry("chairside.routes.accounts", "http://127.0.0.1:40001");
		assertThatThrownBy(() -> this.catalogue.withPort("mongo", 1)).hasMessageContaining("No port named 'mongo'");
	}

	@Test
	void onFreePortsEveryPortIsANewOne() {
		AtomicInteger next = new AtomicInteger(20000);
		Catalogue free = this.catalogue.onPorts(next::incrementAndGet);

		assertThat(free.ports().values()).doesNotHaveDuplicates().allMatch((port) -> port > 20000);
		assertThat(free.part("kafka").settings()).isEmpty();
		assertThat(free.part("notification-service").settings())
			.containsEntry("spring.kafka.bootstrap-servers", "127.0.0.1:" + free.port("kafka"))
			.containsEntry("spring.mail.port", Integer.toString(free.port("mail")))
			.containsEntry("chairside.notifications.customer.order-service-url", free.url("order-service"))
			.containsEntry("chairside.notifications.webhooks.allow-loopback", "true");
	}

	@Test
	void replicasListenAHundredPortsApartAndTheGatewayRoutesToEachOfThem() {
		Catalogue three = this.catalogue.withReplicas(Map.of("notification-service", 3));

		assertThat(three.parts()).extracting(Part::name)
			.containsSubsequence("notification-service", "notification-service-2", "notification-service-3",
					"reporting-service");
		assertThat(three.part("notification-service-3").port()).isEqualTo(8284);
		assertThat(three.part("notification-service-3").settings()).containsEntry("server.port", "8284")
			.containsEntry("spring.mongodb.uri", "mongodb://127.0.0.1:27017/chairside-notifications");
		assertThat(three.part("notification-service-3").modules()).containsExactly("notification-service");
		assertThat(three.part("gateway").settings()).containsEntry("chairside.routes.notifications",
				"http://127.0.0.1:8084,http://127.0.0.1:8184,http://127.0.0.1:8284")
			.containsEntry("chairside.routes.products", "http://127.0.0.1:8083");
		assertThat(three.part("gateway").dependencies()).contains("notification-service-2", "notification-service-3");
		assertThat(three.names()).contains("notification-service notification-service-2 notification-service-3");
		assertThat(Catalogue.serviceOf("notification-service-3")).isEqualTo("notification-service");
		assertThat(Catalogue.serviceOf("gateway")).isEqualTo("gateway");
	}

	@Test
	void anAdjustmentRetunesAPartAndItsReplicasReplacingSettingsRatherThanRepeatingThem() {
		Catalogue tuned = this.catalogue.withReplicas(Map.of("lead-service", 2))
			.adjusting("lead-service", (part) -> part.withHeap("512m")
				.withSetting("chairside.leads.account-service.url", "http://127.0.0.1:1")
				.withCommandLineSettings(List.of("--logging.level.com.chairside=DEBUG")));

		for (Part lead : List.of(tuned.part("lead-service"), tuned.part("lead-service-2"))) {
			assertThat(lead.heap()).isEqualTo("512m");
			assertThat(lead.command("java")).contains("--chairside.leads.account-service.url=http://127.0.0.1:1",
					"--logging.level.com.chairside=DEBUG")
				.filteredOn((argument) -> argument.startsWith("--chairside.leads.account-service.url="))
				.hasSize(1);
		}
		assertThat(tuned.part("account-service").heap()).isEqualTo("128m");
	}

	@Test
	void aPartThatIsNoneIsRefusedNamingThoseThatAre() {
		assertThatThrownBy(() -> this.catalogue.part("notification")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("No part named 'notification'")
			.hasMessageContaining("kafka mongodb mail issuer zipkin lead-service");
		assertThatThrownBy(() -> this.catalogue.withReplicas(Map.of("gateway", 2)))
			.hasMessageContaining("'gateway' is not a service");
	}

	@Test
	void aToolStartsSmallAndRunsFromDevstack() {
		assertThat(this.catalogue.tool("com.chairside.devstack.TokenIssuer", List.of("token")))
			.containsSequence("-Xms32m", "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp")
			.endsWith("com.chairside.devstack.TokenIssuer", "token");
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

}
