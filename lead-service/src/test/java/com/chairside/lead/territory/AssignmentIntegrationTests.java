package com.chairside.lead.territory;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Territory rules and round-robin owners, kept by an admin; reassignment by a manager. */
@ServiceIntegrationTest
class AssignmentIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	@LocalServerPort
	int port;

	@Test
	void placesALeadByPostalCodeAndHandsItToTheRegionsAccountManagersInTurn() {
		String region = Infrastructure.get().uniqueRegion();
		Api admin = Api.local(this.port, Infrastructure.get().token("admin", "ADMIN", null));
		Api manager = admin.as(Infrastructure.get().token("sm", "SALES_MANAGER", null));

		assertThat(manager.send("PUT", "/api/regions/" + region + "/territories", "{\"territories\":[]}").status())
			.as("only an admin keeps the territories").isEqualTo(403);
		Api.Response rules = admin.send("PUT", "/api/regions/" + region + "/territories", """
				{"territories":[{"country":"DE","postalCodePrefix":"5"},{"country":"DE","postalCodePrefix":"507"}]}""");
		assertThat(rules.status()).as(rules.toString()).isEqualTo(200);
		assertThat(admin.send("PUT", "/api/regions/" + region + "/account-managers",
				"{\"accountManagers\":[\"am.one\",\"am.two\"]}").status()).isEqualTo(200);
		assertThat(manager.get("/api/regions/" + region + "/account-managers").body()).contains("am.one", "am.two");

		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Api.Response lead = manager.post("/api/leads", """
					{"practiceName":"Zahnarztpraxis Müller %s %d","specialty":"GENERAL_DENTISTRY","source":"OUTBOUND",
					 "city":"Köln","country":"DE","postalCode":"50767","email":"m%d@%s.example"}"""
				.formatted(region, i, i, region.toLowerCase()));
			assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
			assertThat(lead.field("region")).isEqualTo(region);
			ids.add(lead.field("id"));
		}
		assertThat(ids.stream().map((id) -> manager.get("/api/leads/" + id).field("owner")))
			.containsExactly("am.one", "am.two", "am.one");

		Received assigned = kafka.awaitRecord("chairside.leads", ids.get(0), "chairside.lead.LeadAssigned.v1");
		assertThat(Contracts.violations("chairside.lead.LeadAssigned.v1", assigned.value())).isEmpty();
		assertThat(assigned.value()).contains("\"assignment\":\"AUTOMATIC\"");

		assertThat(manager.post("/api/leads/" + ids.get(0) + "/assign", "{\"owner\":\"am.stranger\"}").status())
			.as("the owner must be one of the region's account managers").isEqualTo(400);
		Api.Response reassigned = manager.post("/api/leads/" + ids.get(0) + "/assign", "{\"owner\":\"am.two\"}");
		assertThat(reassigned.field("owner")).isEqualTo("am.two");
		assertThat(Api.local(this.port, Infrastructure.get().token("am.one", "ACCOUNT_MANAGER", region))
			.post("/api/leads/" + ids.get(0) + "/assign", "{\"owner\":\"am.one\"}").status())
			.as("account managers do not reassign").isEqualTo(403);
		await().until(() -> kafka.records("chairside.leads")
			.stream()
			.anyMatch((r) -> ids.get(0).equals(r.key()) && r.value().contains("\"MANUAL\"")));
	}

	@Test
	void anAccountManagersLeadStaysTheirsInTheirRegion() {
		Api am = Api.local(this.port, Infrastructure.get().token("am.own", "ACCOUNT_MANAGER", "NORTHEAST"));
		Api.Response lead = am.post("/api/leads", """
				{"practiceName":"Own Dental","specialty":"ORTHODONTICS","source":"OUTBOUND","city":"Boston","country":"US"}""");
		assertThat(lead.field("region")).isEqualTo("NORTHEAST");
		assertThat(lead.field("owner")).isEqualTo("am.own");
	}

}
