package com.chairside.lead.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Nobody pages deeper than 100,000 items ({@code page × size}): 400 naming {@code page}; within it, totals exact. */
@ServiceIntegrationTest
class PagingDepthIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void pagingBeyondTheDepthIsRefusedNamingPage() {
		Api manager = Api.local(this.port, Infrastructure.get().token("sm.pages", "SALES_MANAGER", null));
		for (String query : new String[] { "/api/leads?page=1001&size=100", "/api/leads?page=200001",
				"/api/leads?page=2147483647&size=500", "/api/leads?page=100001&size=1" }) {
			Api.Response refused = manager.get(query);
			assertThat(refused.status()).as(query).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().path("errors").get(0).path("field").asString()).as(query).isEqualTo("page");
		}
		Api.Response deepest = manager.get("/api/leads?page=1000&size=100");
		assertThat(deepest.status()).isEqualTo(200);
		assertThat(deepest.json().path("total").isNumber()).as("the total is still counted").isTrue();
	}

}
