package com.chairside.account.hostile;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.account.AccountServiceTest;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.hostile.HostileRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint account-service documents, driven with hostile ids, parameters and bodies generated from its own
 * OpenAPI document ({@link HostileRun#asAdmin}): each is refused as problem+json, none is stored, and the service is
 * healthy afterwards. The operations on one account or activity address one that exists.
 */
@AccountServiceTest
class HostileInputTests {

	@LocalServerPort
	int port;

	@Value("${spring.mongodb.uri}")
	String mongoUri;

	@Test
	void refusesEveryHostileInputAndStoresNothing() {
		// Records that exist, so that the bodies sent to one account or activity are read (a random id is refused
		// with 404 before the body is), and the reads have records to list.
		Api manager = Api.local(this.port, Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
		String account = created(manager.post("/api/accounts", """
				{"name":"Hostile Probe Dental","specialty":"ORTHODONTICS","city":"Boston","country":"US"}"""));
		String activity = created(manager.post("/api/accounts/" + account + "/activities", """
				{"type":"CALL","occurredAt":"2026-11-02T10:00:00Z","summary":"Probe call",
				 "nextStep":{"action":"Send the quote","due":"2027-01-15"}}"""));
		HostileRun.asAdmin(this.port, this.mongoUri)
			// Demos, an account's activities and its timeline keep a random id (refused with 404 first) while
			// account-service takes a number for a date (occurredAt and a demo's start 12345 stored as
			// 1970-01-01T03:25:45Z) and a negative page and size of the timeline.
			.shaping((inputs) -> inputs.withPathValueUnder("/api/accounts/{id}", "id", account)
				.withPathValueUnder("/api/accounts/{id}/activities", "id", UUID.randomUUID().toString())
				.withPathValueUnder("/api/accounts/{id}/timeline", "id", UUID.randomUUID().toString())
				.withPathValueUnder("/api/activities/{id}", "id", activity))
			.run()
			.assertNothingGotThrough("account-service");
	}

	private static String created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.field("id");
	}

}
