package com.chairside.notification.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.chairside.notification.NotificationServiceTest;
import com.chairside.notification.notification.MailQueue;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.hostile.HostileCaller;
import com.chairside.testsupport.hostile.HostileRun;

import static org.awaitility.Awaitility.await;

/**
 * Every endpoint notification-service documents, driven with hostile ids, parameters and bodies generated from its own
 * OpenAPI document, as each {@link HostileCaller} (an admin, an account manager of NORTHEAST, a production user): each
 * is refused as problem+json, none is stored, and the service is healthy afterwards. The departments' notifications of
 * a cancelled NORTHEAST order and a cancelled WEST order exist; none shows to who may not read it (the account manager
 * reads their region's, the production user production's).
 */
@NotificationServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	@LocalServerPort
	int port;

	@Value("${spring.mongodb.uri}")
	String mongoUri;

	@Autowired
	MongoTemplate mongo;

	/** The departments' notifications of both orders: id, region and department of each. */
	final List<JsonNode> notifications = new ArrayList<>();

	@BeforeAll
	void notifications() {
		Api admin = Api.local(this.port, Infrastructure.get().token("hostile.admin", "ADMIN", null));
		for (String region : List.of("NORTHEAST", "WEST")) {
			String orderId = UUID.randomUUID().toString();
			kafka.sendCloudEvent("chairside.orders", orderId, UUID.randomUUID().toString(),
					"chairside.order.OrderCancelled.v1", 4,
					Contracts.example("chairside.order.OrderCancelled.v1", "orderId", orderId, "region", region));
			String query = "/api/notifications?orderId=" + orderId;
			await().until(() -> admin.get(query).json().path("items").size() == 5);
			admin.get(query).json().path("items").forEach(this.notifications::add);
		}
	}

	@ParameterizedTest
	@EnumSource(HostileCaller.class)
	void refusesEveryHostileInputAndStoresNothing(HostileCaller caller) {
		// The mails that earlier tests of this shared context owed are sent first: a notification marked sent while
		// the hostile cases run would be counted as a change they made.
		await("earlier tests' mails sent").atMost(Duration.ofSeconds(90))
			.until(() -> this.mongo.getCollection("notifications").countDocuments(Filters.exists(MailQueue.DUE)) == 0);
		// A routing rule that exists (one the service ships with), so that the bodies sent to it are read (a random id
		// is refused with 404 before the body is).
		HostileRun.as(caller, this.port, this.mongoUri)
			.neverShowing(unreadableBy(caller))
			.shaping((inputs) -> inputs.withPathValueUnder("/api/notification-rules/{id}", "id", "default-order-placed"))
			.run()
			.assertNothingGotThrough("notification-service as " + caller);
	}

	/** The notifications of another region than the caller's, or of another department. */
	private List<String> unreadableBy(HostileCaller caller) {
		return this.notifications.stream()
			.filter((n) -> (caller.region() != null && !caller.region().equals(n.path("region").asString()))
					|| (caller.department() != null && !caller.department().equals(n.path("department").asString())))
			.map((n) -> n.path("id").asString())
			.toList();
	}

}
