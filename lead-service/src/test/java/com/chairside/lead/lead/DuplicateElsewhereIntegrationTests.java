package com.chairside.lead.lead;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A duplicate in a region the caller cannot read answers 409 without that lead's id (which a 404 would hide from them
 * too), saying that a match exists and whose sales manager to ask; one they can read is named as before.
 */
@ServiceIntegrationTest
class DuplicateElsewhereIntegrationTests {

	@LocalServerPort
	int port;

	String practice(String name, String email) {
		return """
				{"practiceName":"%s","kind":"PRIVATE_PRACTICE","specialty":"GENERAL_DENTISTRY","region":"NORTHEAST",
				 "source":"INBOUND_WEB","city":"Boston","country":"US","email":"%s"}""".formatted(name, email);
	}

	@Test
	void aMatchInAnotherRegionIsToldWithoutItsId() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String email = "desk@" + tag + ".example";
		Api northeast = Api.local(this.port, Infrastructure.get().token("am.ne", "ACCOUNT_MANAGER", "NORTHEAST"));
		String existing = northeast.post("/api/leads", practice("First " + tag, email)).field("id");
		assertThat(existing).isNotNull();

		Api.Response elsewhere = northeast.as(Infrastructure.get().token("am.w", "ACCOUNT_MANAGER", "WEST"))
			.post("/api/leads", practice("Second " + tag, email));
		assertThat(elsewhere.status()).isEqualTo(409);
		assertThat(elsewhere.contentType()).startsWith("application/problem+json");
		assertThat(elsewhere.field("code")).isEqualTo("DUPLICATE_LEAD");
		assertThat(elsewhere.json().has("existingId")).isFalse();
		assertThat(elsewhere.body()).doesNotContain(existing);
		assertThat(elsewhere.field("askSalesManagerOf")).isEqualTo("NORTHEAST");
		assertThat(elsewhere.field("matchedOn")).isEqualTo("e-mail");

		Api.Response sameRegion = northeast.post("/api/leads", practice("Third " + tag, email));
		assertThat(sameRegion.status()).isEqualTo(409);
		assertThat(sameRegion.field("existingId")).isEqualTo(existing);
		assertThat(northeast.as(Infrastructure.get().token("sm", "SALES_MANAGER", null))
			.post("/api/leads", practice("Fourth " + tag, email))
			.field("existingId")).as("a sales manager reads every region").isEqualTo(existing);
	}

}
