package com.chairside.reporting.hostile;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.ServiceIntegrationTest;
import com.chairside.testsupport.hostile.HostileRun;

/**
 * Every endpoint reporting-service documents, driven with hostile ids, parameters and bodies generated from its own
 * OpenAPI document ({@link HostileRun#asAdmin}): each is refused as problem+json, none is stored, and the service is
 * healthy afterwards.
 */
@ServiceIntegrationTest
class HostileInputTests {

	@LocalServerPort
	int port;

	@Value("${spring.mongodb.uri}")
	String mongoUri;

	@Test
	void refusesEveryHostileInputAndStoresNothing() {
		HostileRun.asAdmin(this.port, this.mongoUri)
			.run()
			.assertNothingGotThrough("reporting-service");
	}

}
