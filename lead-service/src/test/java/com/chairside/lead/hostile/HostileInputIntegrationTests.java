package com.chairside.lead.hostile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;
import com.chairside.testsupport.hostile.HostileCaller;
import com.chairside.testsupport.hostile.HostileRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint lead-service documents, driven with hostile ids, parameters and bodies generated from its own OpenAPI
 * document, as each {@link HostileCaller} (an admin, an account manager of NORTHEAST, a production user), with real
 * regions and periods in the paths: each is refused as problem+json, none is stored, no WEST lead shows to who may not
 * read it, and the service is healthy afterwards. The operations on one lead address a NORTHEAST lead that exists, so
 * that their bodies are read (a random id is refused with 404 first), and the reads have leads to list.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${spring.mongodb.uri}")
	String mongoUri;

	String lead;

	String twin;

	String westLead;

	@BeforeAll
	void leads() {
		Api admin = Api.local(this.port, Infrastructure.get().token("admin", "ADMIN", null));
		this.lead = lead(admin, "Hostile Probe Dental", "NORTHEAST", "Boston");
		this.twin = lead(admin, "Hostile Probe Orthodontics", "NORTHEAST", "Boston");
		this.westLead = lead(admin, "Hostile Probe Pacific Smiles", "WEST", "Seattle");
	}

	@ParameterizedTest
	@EnumSource(HostileCaller.class)
	void refusesEveryHostileInputAndStoresNothing(HostileCaller caller) {
		HostileRun.as(caller, this.port, this.mongoUri)
			.withSalesRecords("NORTHEAST", this.lead, this.twin)
			.withSalesRecords("WEST", this.westLead)
			.shaping((inputs) -> inputs.withPathValue("region", "NORTHEAST")
				.withPathValue("period", "2027-03")
				.withPathValueUnder("/api/leads/{id}", "id", this.lead))
			.run()
			.assertNothingGotThrough("lead-service as " + caller);
	}

	private static String lead(Api admin, String practice, String region, String city) {
		Api.Response created = admin.post("/api/leads", """
				{"practiceName":"%s","specialty":"ORTHODONTICS","region":"%s","source":"CONFERENCE",
				 "city":"%s","country":"US"}""".formatted(practice, region, city));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.field("id");
	}

}
