package com.chairside.account.conversion;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.account.AccountServiceTest;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** account-service reading lead-service's contract example from a real broker, and answering over real HTTP. */
@AccountServiceTest
class LeadConversionIntegrationTests {

	private static final String LEAD_CONVERTED = "chairside.lead.LeadConverted.v1";

	private static final KafkaProbe kafka = KafkaProbe.shared();

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void signIn() {
		this.api = Api.local(this.port, Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
	}

	/** The contract's example, with fresh ids so that tests do not see each other's accounts. */
	static String convertedLead(String leadId, String accountId) {
		return Contracts.example(LEAD_CONVERTED, "leadId", leadId, "accountId", accountId);
	}

	@Test
	void opensTheAccountOfAConvertedLeadOnceWhateverTheRedeliveries() {
		String leadId = UUID.randomUUID().toString();
		String accountId = UUID.randomUUID().toString();
		String ceId = UUID.randomUUID().toString();

		kafka.sendCloudEvent("chairside.leads", leadId, ceId, LEAD_CONVERTED, 4, convertedLead(leadId, accountId));
		kafka.sendCloudEvent("chairside.leads", leadId, ceId, LEAD_CONVERTED, 4, convertedLead(leadId, accountId));
		kafka.sendCloudEvent("chairside.leads", leadId, UUID.randomUUID().toString(), LEAD_CONVERTED, 4,
				convertedLead(leadId, accountId));

		await().until(() -> this.api.get("/api/accounts/" + accountId).status() == 200);
		await().until(() -> kafka.consumedAll("account-service", "chairside.leads"));
		Api.Response account = this.api.get("/api/accounts/" + accountId);
		assertThat(account.field("leadId")).isEqualTo(leadId);
		assertThat(account.field("region")).isEqualTo("NORTHEAST");
		assertThat(account.field("status")).isEqualTo("PROSPECT");
		assertThat(account.field("kind")).as("from the example").isEqualTo("PRIVATE_PRACTICE");
		assertThat(account.json().path("siteAddress").path("postalCode").asString()).isEqualTo("02116");

		Received opened = await().until(() -> kafka.records("chairside.accounts").stream().filter(r -> accountId.equals(r.key())).toList(),
				events -> !events.isEmpty()).get(0);
		assertThat(opened.header("ce_type")).isEqualTo("chairside.account.AccountOpened.v1");
		assertThat(opened.header("ce_causationid")).as("caused by the lead's event").isEqualTo(ceId);
		assertThat(Contracts.violations("chairside.account.AccountOpened.v1", opened.value())).isEmpty();
		assertThat(kafka.records("chairside.accounts").stream().filter(r -> accountId.equals(r.key())
				&& r.header("ce_type").equals("chairside.account.AccountOpened.v1"))).as("opened exactly once").hasSize(1);
	}

	@Test
	void sendsAPoisonMessageToTheDeadLetterTopicAndGoesOn() {
		String leadId = UUID.randomUUID().toString();
		String accountId = UUID.randomUUID().toString();

		kafka.sendCloudEvent("chairside.leads", leadId, UUID.randomUUID().toString(), LEAD_CONVERTED, 4, "{not json");
		kafka.sendCloudEvent("chairside.leads", leadId, UUID.randomUUID().toString(), LEAD_CONVERTED, 5,
				convertedLead(leadId, accountId));

		await().until(() -> kafka.records("chairside.leads.account-service.dlt").stream().anyMatch(r -> leadId.equals(r.key())));
		await().until(() -> this.api.get("/api/accounts/" + accountId).status() == 200);
		assertThat(kafka.records("chairside.leads.account-service.dlt").stream().filter(r -> leadId.equals(r.key())).findFirst().orElseThrow().value())
			.isEqualTo("{not json");
	}

	@Test
	void opensAnAccountDirectlyAndHidesOtherRegions() {
		Api.Response opened = this.api.post("/api/accounts", """
				{"name":"Clínica Dental Peña","specialty":"GENERAL_DENTISTRY","city":"Hartford","country":"US"}""");
		assertThat(opened.status()).isEqualTo(201);
		String id = opened.field("id");
		assertThat(opened.field("name")).isEqualTo("Clínica Dental Peña");
		assertThat(opened.field("region")).isEqualTo("NORTHEAST");

		assertThat(this.api.as(Infrastructure.get().token("am.west", "ACCOUNT_MANAGER", "WEST"))
			.get("/api/accounts/" + id).status()).isEqualTo(404);
		assertThat(this.api.get("/api/accounts/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(this.api.post("/api/accounts", "{\"name\":\"\"}").json().path("errors").findValuesAsString("field"))
			.contains("name", "city", "country");
	}

}
