package com.chairside.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway over real HTTP with tokens of the devstack issuer; lead-service is pointed at a closed port, as if it
 * were down. (Routing to running services is covered by the system tests.)
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "chairside.routes.leads=http://127.0.0.1:9")
class GatewayIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void checksTheTokenBeforeRouting() {
		Api anonymous = new Api("http://127.0.0.1:" + this.port, null);
		Api.Response refused = anonymous.get("/api/leads");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.header("WWW-Authenticate")).hasValueSatisfying((v) -> assertThat(v).startsWith("Bearer"));
		assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	@Test
	void answersServiceUnavailableWhenAServiceCannotBeReached() {
		Api api = new Api("http://127.0.0.1:" + this.port,
				Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
		Api.Response unavailable = api.get("/api/leads");
		assertThat(unavailable.status()).isEqualTo(503);
		assertThat(unavailable.contentType()).startsWith("application/problem+json");
		assertThat(unavailable.header("traceparent")).isPresent();
		assertThat(unavailable.header("Retry-After")).isPresent();
	}

}
