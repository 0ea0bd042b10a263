package com.chairside.notification.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.ClaimChecks;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the service refuses, with 401 problem+json, a token whose claims cannot be trusted: a missing or
 * unknown region or department, another issuer or audience (see {@link ClaimChecks}).
 */
@ServiceIntegrationTest
class UntrustedClaimsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void everyOperationRefusesATokenWithMissingOrUnknownClaims() {
		Api api = Api.local(this.port, null);
		assertThat(ClaimChecks.assertEveryOperationRefuses(api, api.get("/v3/api-docs").json())).isPositive();
	}

}
