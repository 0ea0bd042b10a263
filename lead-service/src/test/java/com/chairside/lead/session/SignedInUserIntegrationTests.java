package com.chairside.lead.session;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/me} says what the token says, and nothing without one. */
@ServiceIntegrationTest
class SignedInUserIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void anAccountManagerIsBoundToTheRegionOfTheToken() {
		Api.Response me = Api.local(this.port, Infrastructure.get().token("am.me", "ACCOUNT_MANAGER", "NORTHEAST"))
			.get("/api/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.field("user")).isEqualTo("am.me");
		assertThat(me.json().path("roles").toString()).isEqualTo("[\"ACCOUNT_MANAGER\"]");
		assertThat(me.field("region")).isEqualTo("NORTHEAST");
		assertThat(me.json().path("seesAllRegions").asBoolean()).isFalse();
		assertThat(me.field("homeRegion")).isEqualTo("NORTHEAST");
	}

	@Test
	void aSalesManagerSeesEveryRegionAndLeadsTheOneOfTheToken() {
		Api.Response me = Api.local(this.port, Infrastructure.get().token("sm.me", "SALES_MANAGER", "NORTHEAST")).get("/api/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("region").isNull()).isTrue();
		assertThat(me.json().path("seesAllRegions").asBoolean()).isTrue();
		assertThat(me.field("homeRegion")).isEqualTo("NORTHEAST");
	}

	@Test
	void anAdminSeesEveryRegion() {
		Api.Response me = Api.local(this.port, Infrastructure.get().token("admin.me", "ADMIN", "NORTHEAST")).get("/api/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("region").isNull()).isTrue();
		assertThat(me.json().path("seesAllRegions").asBoolean()).isTrue();
	}

	@Test
	void nobodyWithoutAToken() {
		Api.Response me = Api.local(this.port, null).get("/api/me");
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.contentType()).startsWith("application/problem+json");
	}

}
