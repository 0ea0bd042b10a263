package com.chairside.notification.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.chairside.notification.NotificationServiceTest;
import com.chairside.notification.notification.Delivery;
import com.chairside.notification.notification.Department;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.MutableClock;

import static com.chairside.notification.webhook.SubscriptionUrls.assertAccepted;
import static com.chairside.notification.webhook.SubscriptionUrls.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks outside the embedded default (loopback not allowed), through real HTTP: a subscription URL whose host is, or
 * resolves to, a loopback, private, link-local, unspecified, multicast or carrier-grade NAT address, in any spelling, is
 * refused with 400 naming {@code url} and nothing is stored; the allow-list's host:port pairs hold to their ports; and a
 * delivery owed to a name that now resolves to loopback ({@code localhost}, as a rebound name would) is given up
 * without a request reaching the receiver listening there.
 */
@NotificationServiceTest
@DirtiesContext // a context of its own: production's webhook settings, no event consumers
class WebhookAddressIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final HttpServer receiver = receiver();

	private static final List<String> received = new CopyOnWriteArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MutableClock clock;

	Api admin;

	private static HttpServer receiver() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				received.add(exchange.getRequestURI().getPath());
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void production(DynamicPropertyRegistry registry) {
		registry.add("chairside.notifications.webhooks.allow-loopback", () -> "false");
		// localhost with the receiver's port: allowed by name, refused for the address it resolves to
		registry.add("chairside.notifications.webhooks.allowed-hosts",
				() -> "hooks.partner.invalid:8443, 9.9.9.9:8443, 1.1.1.1, localhost:" + receiver.getAddress().getPort());
		// The deliveries here are recorded by the tests; events stay with the shared context's consumers.
		for (String binding : List.of("orderEvents", "leadEvents", "accountEvents", "demoEvents")) {
			registry.add("spring.cloud.stream.bindings." + binding + "-in-0.consumer.auto-startup", () -> "false");
		}
	}

	@AfterAll
	static void stopReceiver() {
		receiver.stop(0);
	}

	@BeforeEach
	void signIn() {
		this.admin = Api.local(this.port, Infrastructure.get().token("the.admin", "ADMIN", null));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			http://127.0.0.1:8443/hooks               | non-public address (loopback)
			http://127.8.9.10/                        | non-public address (loopback)
			http://[::1]:8443/                        | non-public address (loopback)
			http://10.1.2.3/                          | non-public address (private)
			http://172.16.0.1/                        | non-public address (private)
			http://172.31.255.254/                    | non-public address (private)
			http://192.168.0.10/                      | non-public address (private)
			http://[fc00::1]/                         | non-public address (private)
			http://[fd00:ec2::254]/latest/meta-data/  | non-public address (private)
			http://169.254.169.254/latest/meta-data/  | non-public address (link-local)
			http://169.254.0.1/                       | non-public address (link-local)
			http://[fe80::1]/                         | non-public address (link-local)
			http://0.0.0.0:8443/                      | non-public address (unspecified)
			http://[::]/                              | non-public address (unspecified)
			http://224.0.0.1/                         | non-public address (multicast)
			http://239.255.255.250/                   | non-public address (multicast)
			http://[ff02::1]/                         | non-public address (multicast)
			http://100.64.0.1/                        | non-public address (carrier-grade NAT)
			http://100.127.255.254/                   | non-public address (carrier-grade NAT)
			http://255.255.255.255/                   | non-public address (reserved)
			http://[::ffff:127.0.0.1]/                | non-public address (loopback)
			http://[::ffff:7f00:1]/                   | non-public address (loopback)
			http://[::ffff:a9fe:a9fe]/                | non-public address (link-local)
			http://[0:0:0:0:0:ffff:10.0.0.1]:8443/    | non-public address (private)
			http://[::127.0.0.1]/                     | non-public address (loopback)
			http://[64:ff9b::a9fe:a9fe]/              | non-public address (link-local)
			http://[2002:c0a8:1::]/                   | non-public address (private)
			http://2130706433/                        | four decimal numbers
			http://0x7f000001/                        | four decimal numbers
			http://017700000001/                      | four decimal numbers
			http://0177.0.0.1/                        | four decimal numbers
			http://0/                                 | four decimal numbers
			http://0x7f.1/                            | name its host plainly
			http://127.1/                             | name its host plainly
			http://127.0.0.1./                        | name its host plainly
			http://localhost./                        | without a trailing dot
			http://[fe80::1%25eth0]/                  | IPv6 zone
			http://allowed@127.0.0.1/                 | credentials
			http://9.9.9.9:8443@127.0.0.1/            | credentials
			https://user:secret@9.9.9.9:8443/         | credentials
			file:///etc/passwd                        | http or https URL with a host
			""")
	void refusesEveryNonPublicAddressInEverySpellingAndStoresNothing(String url, String reason) {
		assertRefused(this.admin, url, reason);
	}

	@Test
	void refusesANameOnTheAllowListThatResolvesToLoopback() {
		int port = receiver.getAddress().getPort();
		assertRefused(this.admin, "http://localhost:" + port + "/hooks",
				"host localhost resolves to a non-public address (loopback)");
		assertRefused(this.admin, "https://LOCALHOST:" + port + "/hooks", "resolves to a non-public address (loopback)");
	}

	@Test
	void holdsTheAllowListToItsHostsAndPorts() {
		assertAccepted(this.admin, "https://9.9.9.9:8443/hooks");
		assertAccepted(this.admin, "http://9.9.9.9:8443/hooks");
		assertRefused(this.admin, "https://9.9.9.9/hooks", "9.9.9.9:443 is not on the allow-list");
		assertRefused(this.admin, "https://9.9.9.9:9443/hooks", "9.9.9.9:9443 is not on the allow-list");
		// a host without a port: its scheme's default port only
		assertAccepted(this.admin, "https://1.1.1.1/hooks");
		assertAccepted(this.admin, "https://1.1.1.1:443/hooks");
		assertAccepted(this.admin, "http://1.1.1.1/hooks");
		assertRefused(this.admin, "https://1.1.1.1:8443/hooks", "1.1.1.1:8443 is not on the allow-list");
		assertRefused(this.admin, "http://1.1.1.1:443/hooks", "1.1.1.1:443 is not on the allow-list");
		assertRefused(this.admin, "https://8.8.8.8/hooks", "8.8.8.8:443 is not on the allow-list");
		assertRefused(this.admin, "https://hooks.partner.invalid/hooks", "hooks.partner.invalid:443 is not on the allow-list");
		// a name on the allow-list must resolve when the subscription is made
		assertRefused(this.admin, "https://hooks.partner.invalid:8443/hooks", "does not resolve");
	}

	@Test
	void aDeliveryToANameThatNowResolvesToLoopbackIsGivenUpWithoutARequest() throws IOException {
		// made when the name answered a public address; today it answers the loopback receiver's
		String path = "/rebound-" + UUID.randomUUID();
		String id = owe("http://localhost:" + receiver.getAddress().getPort() + path);

		JsonNode delivery = awaitGivenUp(id);

		assertThat(delivery.path("lastError").asString())
			.isEqualTo("refused: localhost resolves to a non-public address (loopback): webhooks go to public addresses only");
		assertThat(delivery.path("attempts").asInt()).isZero();
		assertThat(received).doesNotContain(path);
		KafkaProbe.Received failed = kafka.awaitRecord("chairside.notifications", delivery.path("deliveryId").asString(),
				"chairside.notification.NotificationFailed.v1");
		assertThat(Contracts.violations("chairside.notification.NotificationFailed.v1", failed.value())).isEmpty();
		assertThat(failed.value()).contains("\"channel\":\"WEBHOOK\"").contains("resolves to a non-public address");
	}

	@Test
	void aDeliveryOwedToALoopbackAddressIsGivenUpWithoutARequest() {
		// a subscription made where loopback was allowed, its deliveries read here
		String path = "/stale-" + UUID.randomUUID();
		String id = owe("http://127.0.0.1:" + receiver.getAddress().getPort() + path);

		JsonNode delivery = awaitGivenUp(id);

		assertThat(delivery.path("lastError").asString())
			.startsWith("refused: url host 127.0.0.1 is a non-public address (loopback)");
		assertThat(received).doesNotContain(path);
	}

	/** A subscription at {@code url} stored as it was made elsewhere, and one delivery owed to it now. */
	private String owe(String url) {
		String id = UUID.randomUUID().toString();
		this.mongo.insert(new WebhookSubscription(id, Department.FINANCE, url, List.of("OrderCancelled"),
				"whsec-address-test", this.clock.instant(), "the.admin", 0, 0, null, null, null));
		String orderId = UUID.randomUUID().toString();
		this.mongo.insert(new WebhookDelivery(UUID.randomUUID().toString(), id, Department.FINANCE, url,
				UUID.randomUUID().toString(), "OrderCancelled", orderId, "{\"orderId\":\"" + orderId + "\"}",
				Delivery.PENDING, 0, this.clock.instant(), null, null, this.clock.instant(), null, null, List.of()));
		return id;
	}

	private JsonNode awaitGivenUp(String subscriptionId) {
		String deliveries = "/api/webhook-subscriptions/" + subscriptionId + "/deliveries";
		await().until(() -> this.admin.get(deliveries).json().path("items").path(0).path("status").asString()
			.equals("FAILED"));
		return this.admin.get(deliveries).json().path("items").path(0);
	}

}
