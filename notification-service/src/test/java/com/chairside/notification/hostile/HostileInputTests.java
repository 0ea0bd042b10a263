package com.chairside.notification.hostile;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.notification.NotificationServiceTest;
import com.chairside.testsupport.hostile.HostileRun;

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

	@Test
	void refusesEveryHostileInputAndStoresNothing() {
		// A routing rule that exists (one the service ships with), so that the bodies sent to it are read (a random id
		// is refused with 404 before the body is).
		HostileRun.asAdmin(this.port, this.mongoUri)
			.shaping((inputs) -> inputs.withPathValueUnder("/api/notification-rules/{id}", "id", "default-order-placed"))
			.run()
			.assertNothingGotThrough("notification-service");
	}

}
