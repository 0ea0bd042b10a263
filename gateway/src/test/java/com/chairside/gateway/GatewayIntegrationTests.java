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
@TestPropertySource(properties = { "chairside.routes.leads=http://127.0.0.1:9",
		"chairside.gateway.rate-limit.per-second=1", "chairside.gateway.rate-limit.burst=3",
		"chairside.gateway.max-body-size=1KB" })
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

	@Test
	void sendsEachServicesAuditTrailToThatService() {
		Api admin = Api.local(this.port, Infrastructure.get().token("audit.admin", "ADMIN", null));
		assertThat(admin.get("/api/audit/lead-service").status()).as("routed to lead-service, which is down")
			.isEqualTo(503);
		assertThat(admin.get("/api/audit/no-such-service").status()).isEqualTo(404);
	}

	@Test
	void limitsTheCallsOfEachUser() {
		// another user's call first: the first call of the context, slow while classes load, must not let a second
		// pass for the busy user's bucket to refill
		assertThat(Api.local(this.port, Infrastructure.get().token("early.user", "SALES_MANAGER", null))
			.get("/api/leads").status()).isEqualTo(503);
		Api busy = Api.local(this.port, Infrastructure.get().token("busy.user", "SALES_MANAGER", null));
		for (int i = 0; i < 3; i++) {
			assertThat(busy.get("/api/leads").status()).isNotEqualTo(429);
		}
		Api.Response limited = busy.get("/api/leads");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.contentType()).startsWith("application/problem+json");
		assertThat(limited.header("Retry-After")).isPresent();
		assertThat(Api.local(this.port, Infrastructure.get().token("calm.user", "SALES_MANAGER", null))
			.get("/api/leads").status()).as("another user is not limited").isNotEqualTo(429);
	}

	@Test
	void capsBodiesAndAllowsTheSalesUiOrigin() {
		Api api = Api.local(this.port, Infrastructure.get().token("big.body", "ACCOUNT_MANAGER", "NORTHEAST"));
		Api.Response tooLarge = api.post("/api/leads", "{\"notes\":\"" + "x".repeat(2000) + "\"}");
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.contentType()).startsWith("application/problem+json");

		java.net.http.HttpResponse<String> preflight = preflight("http://localhost:3000");
		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
		assertThat(preflight("https://evil.example").statusCode()).isEqualTo(403);
	}

	private java.net.http.HttpResponse<String> preflight(String origin) {
		try {
			return java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/api/leads"))
					.method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
					.header("Origin", origin)
					.header("Access-Control-Request-Method", "POST")
					.header("Access-Control-Request-Headers", "authorization,content-type")
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
