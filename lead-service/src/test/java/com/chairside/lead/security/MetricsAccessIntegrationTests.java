package com.chairside.lead.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The Prometheus metrics (what the service does, how much, for whom) are for admins and their scrapers only. */
@ServiceIntegrationTest
class MetricsAccessIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void onlyAnAdminReadsTheMetrics() {
		Api anonymous = Api.local(this.port, null);
		assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
		for (String role : new String[] { "SALES_MANAGER", "SALES_ADMIN" }) {
			Api.Response refused = anonymous.as(Infrastructure.get().token("someone", role, null)).get("/actuator/prometheus");
			assertThat(refused.status()).as(role).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		assertThat(anonymous.as(Infrastructure.get().token("am", "ACCOUNT_MANAGER", "NORTHEAST"))
			.get("/actuator/prometheus").status()).isEqualTo(403);
		Api.Response metrics = anonymous.as(Infrastructure.get().token("admin", "ADMIN", null))
			.send("GET", "/actuator/prometheus", null, java.util.Map.of("Accept", "text/plain"));
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
		assertThat(anonymous.get("/actuator/health/readiness").status()).as("health stays open").isEqualTo(200);
	}

}
