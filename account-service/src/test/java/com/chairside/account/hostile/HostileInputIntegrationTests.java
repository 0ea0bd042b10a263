package com.chairside.account.hostile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.account.AccountServiceTest;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.hostile.HostileCaller;
import com.chairside.testsupport.hostile.HostileRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint account-service documents, driven with hostile ids, parameters and bodies generated from its own
 * OpenAPI document, as each {@link HostileCaller} (an admin, an account manager of NORTHEAST, a production user): each
 * is refused as problem+json, none is stored, no WEST record shows to who may not read it, and the service is healthy
 * afterwards. The operations on one account, activity or demo address a NORTHEAST one that exists.
 */
@AccountServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${spring.mongodb.uri}")
	String mongoUri;

	Records northeast;

	Records west;

	/** An account of the region with an activity and a demo. */
	record Records(String account, String activity, String demo) {

		String[] ids() {
			return new String[] { this.account, this.activity, this.demo };
		}

	}

	@BeforeAll
	void records() {
		// Records that exist, so that the bodies sent to one account, activity or demo are read (a random id is
		// refused with 404 before the body is), and the reads have records to list.
		this.northeast = records("NORTHEAST", "Hostile Probe Dental", "Boston");
		this.west = records("WEST", "Hostile Probe Pacific Smiles", "Seattle");
	}

	private Records records(String region, String practice, String city) {
		Api manager = Api.local(this.port,
				Infrastructure.get().token("am." + region.toLowerCase(), "ACCOUNT_MANAGER", region));
		String account = created(manager.post("/api/accounts", """
				{"name":"%s","specialty":"ORTHODONTICS","city":"%s","country":"US"}""".formatted(practice, city)));
		String activity = created(manager.post("/api/accounts/" + account + "/activities", """
				{"type":"CALL","occurredAt":"2026-11-02T10:00:00Z","summary":"Probe call",
				 "nextStep":{"action":"Send the quote","due":"2027-01-15"}}"""));
		String demo = created(manager.post("/api/demos", """
				{"accountId":"%s","demoUnit":"HOSTILE-PROBE-%s","products":["TC-ORTHO-500"],
				 "start":"2027-02-01T09:00:00Z","end":"2027-02-01T10:00:00Z"}""".formatted(account, region)));
		return new Records(account, activity, demo);
	}

	@ParameterizedTest
	@EnumSource(HostileCaller.class)
	void refusesEveryHostileInputAndStoresNothing(HostileCaller caller) {
		HostileRun.as(caller, this.port, this.mongoUri)
			.withSalesRecords("NORTHEAST", this.northeast.ids())
			.withSalesRecords("WEST", this.west.ids())
			.shaping((inputs) -> inputs.withPathValueUnder("/api/accounts/{id}", "id", this.northeast.account())
				.withPathValueUnder("/api/activities/{id}", "id", this.northeast.activity())
				.withPathValueUnder("/api/demos/{id}", "id", this.northeast.demo()))
			.run()
			.assertNothingGotThrough("account-service as " + caller);
	}

	private static String created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.field("id");
	}

}
