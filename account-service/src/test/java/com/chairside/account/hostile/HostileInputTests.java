package com.chairside.account.hostile;


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
		// Records that exist, so that the bodies sent to one account, activity or demo are read (a random id is
		// refused with 404 before the body is), and the reads have records to list.
		Api manager = Api.local(this.port, Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
		String account = created(manager.post("/api/accounts", """
				{"name":"Hostile Probe Dental","specialty":"ORTHODONTICS","city":"Boston","country":"US"}"""));
		String activity = created(manager.post("/api/accounts/" + account + "/activities", """
				{"type":"CALL","occurredAt":"2026-11-02T10:00:00Z","summary":"Probe call",
				 "nextStep":{"action":"Send the quote","due":"2027-01-15"}}"""));
		String demo = created(manager.post("/api/demos", """
				{"accountId":"%s","demoUnit":"HOSTILE-PROBE-UNIT","products":["TC-ORTHO-500"],
				 "start":"2027-02-01T09:00:00Z","end":"2027-02-01T10:00:00Z"}""".formatted(account)));
		HostileRun.asAdmin(this.port, this.mongoUri)
			.shaping((inputs) -> inputs.withPathValueUnder("/api/accounts/{id}", "id", account)
				.withPathValueUnder("/api/activities/{id}", "id", activity)
				.withPathValueUnder("/api/demos/{id}", "id", demo))
			.run()
			.assertNothingGotThrough("account-service");
	}

	private static String created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.field("id");
	}

}
