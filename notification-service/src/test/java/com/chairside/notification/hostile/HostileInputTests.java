package com.chairside.notification.hostile;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.chairside.notification.NotificationServiceTest;
import com.chairside.testsupport.hostile.HostileRun;

import static org.awaitility.Awaitility.await;

/**
 * Every endpoint notification-service documents, driven with hostile ids, parameters and bodies generated from its own
 * OpenAPI document ({@link HostileRun#asAdmin}): each is refused as problem+json, none is stored, and the service is
 * healthy afterwards.
 */
@NotificationServiceTest
class HostileInputTests {

	@LocalServerPort
	int port;

	@Value("${spring.mongodb.uri}")
	String mongoUri;

	@Autowired
	MongoTemplate mongo;

	@Test
	void refusesEveryHostileInputAndStoresNothing() {
		// The mails that earlier tests of this shared context queued are sent first: the queue shrinking while the
		// hostile cases run would be counted as a change they made.
		await("earlier tests' mails sent").atMost(Duration.ofSeconds(90))
			.until(() -> this.mongo.getCollection("mail_queue").countDocuments() == 0);
		// A routing rule that exists (one the service ships with), so that the bodies sent to it are read (a random id
		// is refused with 404 before the body is).
		HostileRun.asAdmin(this.port, this.mongoUri)
			.shaping((inputs) -> inputs.withPathValueUnder("/api/notification-rules/{id}", "id", "default-order-placed"))
			.run()
			.assertNothingGotThrough("notification-service");
	}

}
