package com.chairside.gateway;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.ClaimChecks;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway refuses a token whose claims cannot be trusted (missing or unknown region or department, another issuer
 * or audience) with 401 problem+json on every route family, before it routes anywhere: the services behind are
 * pointed at a closed port, so anything but 401 would be a 503.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = { "chairside.routes.leads=http://127.0.0.1:9", "chairside.routes.accounts=http://127.0.0.1:9",
		"chairside.routes.orders=http://127.0.0.1:9", "chairside.routes.products=http://127.0.0.1:9",
		"chairside.routes.notifications=http://127.0.0.1:9", "chairside.routes.reports=http://127.0.0.1:9",
		"chairside.gateway.rate-limit.per-second=1000", "chairside.gateway.rate-limit.burst=1000" })
class GatewayUntrustedClaimsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void everyRouteRefusesATokenWithMissingOrUnknownClaims() {
		ObjectNode paths = JsonNodeFactory.instance.objectNode();
		for (String path : new String[] { "/api/me", "/api/leads", "/api/leads/{id}", "/api/leads/imports",
				"/api/accounts/{id}", "/api/orders", "/api/orders/{id}", "/api/products", "/api/notifications",
				"/api/notifications/{id}/acknowledge", "/api/reports/pipeline", "/api/audit/lead-service",
				"/api/search" }) {
			paths.putObject(path).putObject("get");
			paths.withObjectProperty(path).putObject("post");
		}
		ObjectNode document = JsonNodeFactory.instance.objectNode();
		document.set("paths", paths);
		Api api = Api.local(this.port, null);
		assertThat(ClaimChecks.assertEveryOperationRefuses(api, document)).isPositive();
		assertThat(api.as(Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST")).get("/api/leads")
			.status()).as("a trusted token is routed (to a service that is down)").isEqualTo(503);
	}

}
