package com.chairside.reporting.hostile;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.ServiceIntegrationTest;
import com.chairside.testsupport.hostile.HostileCaller;
import com.chairside.testsupport.hostile.HostileRun;

/**
 * Every endpoint reporting-service documents, driven with hostile ids, parameters and bodies generated from its own
 * OpenAPI document, as each {@link HostileCaller} (an admin, an account manager of NORTHEAST, a production user): each
 * is refused as problem+json, none is stored, no report of another region than the account manager's answers them,
 * and the service is healthy afterwards.
 */
@ServiceIntegrationTest
class HostileInputIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${spring.mongodb.uri}")
	String mongoUri;

	@ParameterizedTest
	@EnumSource(HostileCaller.class)
	void refusesEveryHostileInputAndStoresNothing(HostileCaller caller) {
		HostileRun.as(caller, this.port, this.mongoUri)
			.run()
			.assertNothingGotThrough("reporting-service as " + caller);
	}

}
