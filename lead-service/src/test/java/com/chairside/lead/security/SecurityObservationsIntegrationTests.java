package com.chairside.lead.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;

import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request is observed once, as an HTTP exchange with its store commands inside (platform-web's
 * SecurityConfiguration): Spring Security's own observations of each filter, the authentication and the authorization
 * are not made, so neither their spans nor their meters exist.
 */
@ServiceIntegrationTest
class SecurityObservationsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void anAuthenticatedRequestIsObservedAsAnHttpExchangeAlone() {
		Api api = Api.local(this.port, Infrastructure.get().token("am", "ACCOUNT_MANAGER", "NORTHEAST"));

		assertThat(api.get("/api/leads").status()).isEqualTo(200);

		assertThat(this.meters.getMeters()).extracting((meter) -> meter.getId().getName())
			.contains("http.server.requests")
			.noneMatch((name) -> name.startsWith("spring.security"));
	}

}
