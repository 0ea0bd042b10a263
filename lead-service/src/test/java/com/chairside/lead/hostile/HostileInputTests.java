package com.chairside.lead.hostile;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;
import com.chairside.testsupport.hostile.HostileRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint lead-service documents, driven with hostile ids, parameters and bodies generated from its own OpenAPI
 * document ({@link HostileRun#asAdmin}), with real regions and periods in the paths: each is refused as problem+json,
 * none is stored, and the service is healthy afterwards. The operations on one lead address a lead that exists, so
 * that their bodies are read (a random id is refused with 404 first), and the reads have leads to list.
 */
@ServiceIntegrationTest
class HostileInputTests {

	@LocalServerPort
	int port;

	@Value("${spring.mongodb.uri}")
	String mongoUri;

	@Test
	void refusesEveryHostileInputAndStoresNothing() {
		Api admin = Api.local(this.port, Infrastructure.get().token("admin", "ADMIN", null));
		String lead = lead(admin, "Hostile Probe Dental");
		lead(admin, "Hostile Probe Orthodontics");
		HostileRun.asAdmin(this.port, this.mongoUri)
			.shaping((inputs) -> inputs.withPathValue("region", "NORTHEAST")
				.withPathValue("period", "2027-03")
				.withPathValueUnder("/api/leads/{id}", "id", lead))
			.run()
			.assertNothingGotThrough("lead-service");
	}

	private static String lead(Api admin, String practice) {
		Api.Response created = admin.post("/api/leads", """
				{"practiceName":"%s","specialty":"ORTHODONTICS","region":"NORTHEAST","source":"CONFERENCE",
				 "city":"Boston","country":"US"}""".formatted(practice));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.field("id");
	}

}
