package com.chairside.lead.lead;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.ServiceIntegrationTest;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** lead-service over real HTTP, a real broker and the MongoDB wire protocol. */
@ServiceIntegrationTest
class LeadIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void signIn() {
		this.api = Api.local(this.port, Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
	}

	static String smileOrthodontics(String name) {
		return """
				{"practiceName":"%s","specialty":"ORTHODONTICS","region":"NORTHEAST",
				 "source":"CONFERENCE","city":"Boston","country":"US",
				 "productInterests":["TREATMENT_CHAIR","DELIVERY_UNIT"],
				 "estimatedValue":{"amount":"85000.00","currency":"USD"}}""".formatted(name);
	}

	@Test
	void capturesLeadAndPublishesLeadCapturedAsCloudEvent() {
		Api.Response created = this.api.post("/api/leads", smileOrthodontics("Smile Orthodontics"));

		assertThat(created.status()).isEqualTo(201);
		String id = created.field("id");
		assertThat(created.header("Location")).hasValue("/api/leads/" + id);
		assertThat(created.field("status")).isEqualTo("NEW");
		assertThat(created.json().path("estimatedValue").path("amount").asString()).isEqualTo("85000.00");

		Received event = awaitEvent(id, "chairside.lead.LeadCaptured.v1");
		assertThat(event.header("ce_source")).isEqualTo("/chairside/lead-service");
		assertThat(event.header("ce_specversion")).isEqualTo("1.0");
		assertThat(event.header("ce_subject")).isEqualTo(id);
		assertThat(event.header("ce_sequence")).isEqualTo("1");
		assertThat(event.header("ce_id")).isNotBlank();
		assertThat(event.header("ce_correlationid")).isNotBlank();
		assertThat(event.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
		assertThat(event.header("content-type")).isEqualTo("application/json");
		assertThat(Contracts.violations("chairside.lead.LeadCaptured.v1", event.value())).isEmpty();
	}

	@Test
	void publishesTheConferenceNameWithTheCapturedLeadAndWithEachUpdate() throws Exception {
		String id = this.api.post("/api/leads", smileOrthodontics("Conference Orthodontics")
			.replace("\"source\":\"CONFERENCE\"", "\"source\":\"CONFERENCE\",\"conferenceName\":\" IDS Köln \""))
			.field("id");

		Received captured = awaitEvent(id, "chairside.lead.LeadCaptured.v1");
		assertThat(Contracts.violations("chairside.lead.LeadCaptured.v1", captured.value())).isEmpty();
		JsonNode capturedData = JSON.readTree(captured.value());
		assertThat(capturedData.path("source").asString()).isEqualTo("CONFERENCE");
		assertThat(capturedData.path("conferenceName").asString()).as("stored and published stripped").isEqualTo("IDS Köln");

		Api.Response renamed = this.api.patch("/api/leads/" + id, "{\"conferenceName\":\"AAO Annual Session\"}");
		assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

		Received updated = awaitEvent(id, "chairside.lead.LeadUpdated.v1");
		assertThat(Contracts.violations("chairside.lead.LeadUpdated.v1", updated.value())).isEmpty();
		JsonNode updatedData = JSON.readTree(updated.value());
		assertThat(updatedData.path("changedFields").toString()).isEqualTo("[\"conferenceName\"]");
		assertThat(updatedData.path("source").asString()).isEqualTo("CONFERENCE");
		assertThat(updatedData.path("conferenceName").asString()).isEqualTo("AAO Annual Session");
	}

	@Test
	void refusesQualificationWhileNoDecisionMakerIsKnown() {
		String id = this.api.post("/api/leads", smileOrthodontics("Bright Smiles Pediatric")).field("id");
		this.api.post("/api/leads/" + id + "/contacts", """
				{"name":"Front Desk","buyingRole":"GATEKEEPER"}""");

		Api.Response refused = this.api.post("/api/leads/" + id + "/qualify", "{}");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.field("code")).isEqualTo("QUALIFICATION_GATE");
		assertThat(refused.json().path("missing").toString()).isEqualTo("[\"DECISION_MAKER_REQUIRED\"]");
		assertThat(this.api.get("/api/leads/" + id).field("status")).isEqualTo("CONTACTED");
	}

	@Test
	void qualifiesAndConvertsOnceADecisionMakerIsIdentified() {
		String id = this.api.post("/api/leads", smileOrthodontics("Harbor Oral Surgery")).field("id");

		Api.Response contact = this.api.post("/api/leads/" + id + "/contacts", """
				{"name":"Practice Owner","title":"Owner","email":"owner@smile.example",
				 "phone":"+1 617 555 0100","buyingRole":"DECISION_MAKER"}""");
		assertThat(contact.status()).isEqualTo(201);

		Api.Response qualified = this.api.post("/api/leads/" + id + "/qualify", "{}");
		assertThat(qualified.status()).isEqualTo(200);
		assertThat(qualified.field("status")).isEqualTo("QUALIFIED");

		Api.Response converted = this.api.post("/api/leads/" + id + "/convert", "{}");
		assertThat(converted.status()).isIn(200, 202);
		String accountId = converted.field("accountId");
		assertThat(accountId).isNotBlank();
		assertThat(this.api.post("/api/leads/" + id + "/convert", "{}").field("accountId"))
			.as("converting twice answers the same account").isEqualTo(accountId);

		Received identified = awaitEvent(id, "chairside.lead.DecisionMakerIdentified.v1");
		Received qualifiedEvent = awaitEvent(id, "chairside.lead.LeadQualified.v1");
		Received convertedEvent = awaitEvent(id, "chairside.lead.LeadConverted.v1");
		assertThat(Contracts.violations("chairside.lead.DecisionMakerIdentified.v1", identified.value())).isEmpty();
		assertThat(identified.value()).doesNotContain("owner@smile.example").doesNotContain("Practice Owner");
		assertThat(Contracts.violations("chairside.lead.LeadQualified.v1", qualifiedEvent.value())).isEmpty();
		assertThat(Contracts.violations("chairside.lead.LeadConverted.v1", convertedEvent.value())).isEmpty();
		assertThat(convertedEvent.value()).contains(accountId);
		assertThat(List.of(identified, qualifiedEvent, convertedEvent)).extracting(r -> r.header("ce_sequence"))
			.containsExactly("2", "3", "4");
		assertThat(List.of(identified, qualifiedEvent, convertedEvent)).extracting(Received::partition)
			.as("one key, one partition, in order").containsOnly(identified.partition());
	}

	@Test
	void rejectsBadBodyNamingTheFieldAndStoresNothing() {
		Api.Response badEnum = this.api.post("/api/leads", smileOrthodontics("Enum Dental").replace("ORTHODONTICS", "TEETH"));
		assertThat(badEnum.status()).as(badEnum.toString()).isEqualTo(400);
		assertThat(badEnum.json().path("errors").isEmpty()).as(badEnum.toString()).isFalse();
		assertThat(badEnum.contentType()).startsWith("application/problem+json");
		assertThat(badEnum.json().path("errors").get(0).path("field").asString()).isEqualTo("specialty");

		Api.Response missing = this.api.post("/api/leads", smileOrthodontics("").replace("\"Boston\"", "null"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().path("errors").findValuesAsString("field")).contains("practiceName", "city");

		Api.Response notJson = this.api.post("/api/leads", "{not json");
		assertThat(notJson.status()).isEqualTo(400);

		assertThat(this.api.get("/api/leads?size=500").body()).doesNotContain("Enum Dental");
	}

	@Test
	void requiresATokenARoleAndTheRightRegion() {
		String id = this.api.post("/api/leads", smileOrthodontics("Regional Dental")).field("id");

		assertThat(this.api.as(null).get("/api/leads/" + id).status()).isEqualTo(401);
		assertThat(this.api.as("not-a-jwt").get("/api/leads/" + id).status()).isEqualTo(401);
		assertThat(this.api.as(Infrastructure.get().departmentToken("prod.lead", "PRODUCTION"))
			.get("/api/leads/" + id).status()).isEqualTo(403);
		assertThat(this.api.as(Infrastructure.get().token("am.west", "ACCOUNT_MANAGER", "WEST"))
			.get("/api/leads/" + id).status()).as("another region's lead does not exist for them").isEqualTo(404);
		assertThat(this.api.as(Infrastructure.get().token("sm", "SALES_MANAGER", null)).get("/api/leads/" + id).status())
			.isEqualTo(200);
		assertThat(this.api.get("/api/leads/does-not-exist").status()).isEqualTo(404);
		assertThat(this.api.as(null).get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	private static Received awaitEvent(String key, String type) {
		return kafka.awaitRecord("chairside.leads", key, type);
	}

}
