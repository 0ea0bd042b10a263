package com.chairside.lead.lead;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The prospect database: normalisation, duplicates, field history, completeness, BANT, disqualification, merging. */
@ServiceIntegrationTest
class LeadDatabaseIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	@LocalServerPort
	int port;

	Api api;

	String tag;

	@BeforeEach
	void signIn() {
		this.api = Api.local(this.port, Infrastructure.get().token("am.db", "ACCOUNT_MANAGER", "NORTHEAST"));
		this.tag = UUID.randomUUID().toString().substring(0, 8);
	}

	String practice(String name, String extra) {
		return """
				{"practiceName":"%s","kind":"PRIVATE_PRACTICE","specialty":"GENERAL_DENTISTRY","region":"NORTHEAST",
				 "source":"INBOUND_WEB","city":"Boston","country":"US"%s}""".formatted(name, extra);
	}

	@Test
	void keepsUnicodeNamesExactlyAndNormalisesEmailPhoneAndPostalCode() {
		for (String name : new String[] { "Zahnarztpraxis Müller " + this.tag, "Clínica Dental Peña " + this.tag,
				"歯科 " + this.tag }) {
			Api.Response created = this.api.post("/api/leads", practice(name, ""));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			assertThat(this.api.get("/api/leads/" + created.field("id")).field("practiceName")).isEqualTo(name);
		}
		Api.Response created = this.api.post("/api/leads", practice("Norm " + this.tag, """
				,"email":" Front.Desk@%s.Example ","phone":"+1 (617) 555-%s","postalCode":" 02115 ","street":"1 Main St\""""
			.formatted(this.tag, this.tag.substring(0, 4).replaceAll("[^0-9]", "1"))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.field("email")).isEqualTo("front.desk@" + this.tag.toLowerCase() + ".example");
		assertThat(created.field("phone")).startsWith("+1617555").doesNotContain(" ");
		assertThat(created.field("postalCode")).isEqualTo("02115");

		Api.Response badPhone = this.api.post("/api/leads", practice("Bad " + this.tag, ",\"phone\":\"call me\""));
		assertThat(badPhone.status()).isEqualTo(400);
		assertThat(badPhone.json().path("errors").findValuesAsString("field")).containsExactly("phone");
	}

	@Test
	void refusesADuplicateNamingTheExistingLeadUnlessTheCallerOverrides() {
		String email = "info@" + this.tag + ".example";
		String first = this.api.post("/api/leads", practice("Dr. Peña Dental " + this.tag,
				",\"email\":\"" + email + "\",\"postalCode\":\"02115\"")).field("id");

		Api.Response sameEmail = this.api.post("/api/leads", practice("Other " + this.tag,
				",\"email\":\"" + email.toUpperCase() + "\""));
		assertThat(sameEmail.status()).isEqualTo(409);
		assertThat(sameEmail.contentType()).startsWith("application/problem+json");
		assertThat(sameEmail.field("existingId")).isEqualTo(first);
		assertThat(sameEmail.field("code")).isEqualTo("DUPLICATE_LEAD");

		Api.Response noisyName = this.api.post("/api/leads", practice("PENA DENTAL, DDS " + this.tag.toUpperCase(),
				",\"postalCode\":\"02115\""));
		assertThat(noisyName.status()).as(noisyName.toString()).isEqualTo(409);
		assertThat(noisyName.field("existingId")).isEqualTo(first);

		Api.Response kept = this.api.post("/api/leads?allowDuplicate=true", practice("Other " + this.tag,
				",\"email\":\"" + email + "\""));
		assertThat(kept.status()).isEqualTo(201);

		assertThat(this.api.post("/api/leads", practice("No keys " + this.tag, "")).status()).isEqualTo(201);
		assertThat(this.api.post("/api/leads", practice("No keys " + this.tag, "")).status())
			.as("a lead with no e-mail, phone or postal code matches nothing").isEqualTo(201);
	}

	@Test
	void updatesOnlyWhatIsGivenKeepsTheFieldHistoryAndPublishesTheChangedFields() {
		String id = this.api.post("/api/leads", practice("History Dental " + this.tag, "")).field("id");
		Api.Response other = this.api.post("/api/leads",
				practice("Taken " + this.tag, ",\"email\":\"taken@" + this.tag + ".example\""));
		assertThat(other.status()).isEqualTo(201);

		Api.Response updated = this.api.patch("/api/leads/" + id, """
				{"email":"new@%s.example","expectedDecisionDate":"2027-02-01","city":"Boston"}""".formatted(this.tag));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.field("email")).isEqualTo("new@" + this.tag + ".example");
		assertThat(updated.field("practiceName")).isEqualTo("History Dental " + this.tag);

		Api.Response history = this.api.get("/api/leads/" + id + "/history");
		assertThat(history.json().findValuesAsString("field")).containsExactly("email", "expectedDecisionDate");
		assertThat(history.json().get(0).path("from").isNull()).isTrue();
		assertThat(history.json().get(0).path("to").asString()).isEqualTo("new@" + this.tag + ".example");
		assertThat(history.json().get(0).path("by").asString()).isEqualTo("am.db");

		Received event = kafka.awaitRecord("chairside.leads", id, "chairside.lead.LeadUpdated.v1");
		assertThat(Contracts.violations("chairside.lead.LeadUpdated.v1", event.value())).isEmpty();
		assertThat(event.value()).contains("\"changedFields\":[\"email\",\"expectedDecisionDate\"]");

		Api.Response clash = this.api.patch("/api/leads/" + id, "{\"email\":\"taken@" + this.tag + ".example\"}");
		assertThat(clash.status()).isEqualTo(409);
		assertThat(clash.field("existingId")).isEqualTo(other.field("id"));
	}

	@Test
	void scoresCompletenessAndListsTheLeadsBelowAScore() {
		String sparse = this.api.post("/api/leads", practice("Sparse " + this.tag, "")).field("id");
		String full = this.api.post("/api/leads", practice("Full " + this.tag, """
				,"street":"1 Main St","postalCode":"02116","email":"full@%s.example","phone":"+1 617 555 0199",
				 "website":"https://full.example","productInterests":["EXAM_CHAIR"],
				 "estimatedValue":{"amount":"40000","currency":"USD"},"expectedDecisionDate":"2027-01-15\"""".formatted(this.tag)))
			.field("id");
		Api.Response fullLead = this.api.get("/api/leads/" + full);
		assertThat(fullLead.json().path("completeness").path("score").asInt()).isEqualTo(90);
		assertThat(fullLead.json().path("completeness").path("missing").toString()).isEqualTo("[\"decisionMaker\"]");

		String below = this.api.get("/api/leads?completenessBelow=50&size=500").body();
		assertThat(below).contains(sparse).doesNotContain(full);
		assertThat(this.api.get("/api/leads?missing=website&size=500").body()).contains(sparse).doesNotContain(full);
	}

	@Test
	void qualificationGateListsWhatIsMissingAndTheTimelineOnlyCountsInTheScore() {
		String id = this.api.post("/api/leads", practice("Gate " + this.tag, "")).field("id");
		Api.Response refused = this.api.post("/api/leads/" + id + "/qualify", "{}");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.field("code")).isEqualTo("QUALIFICATION_GATE");
		assertThat(refused.json().path("missing").toString())
			.isEqualTo("[\"BUDGET_REQUIRED\",\"DECISION_MAKER_REQUIRED\",\"NEED_REQUIRED\"]");

		this.api.patch("/api/leads/" + id, """
				{"productInterests":["DELIVERY_UNIT"],"estimatedValue":{"amount":"30000.00","currency":"USD"}}""");
		this.api.post("/api/leads/" + id + "/contacts", "{\"name\":\"Owner\",\"buyingRole\":\"DECISION_MAKER\"}");
		Api.Response score = this.api.get("/api/leads/" + id + "/qualification");
		assertThat(score.json().path("score").asInt()).isEqualTo(75);
		assertThat(score.json().path("reasons").toString()).contains("timeline unknown");

		Api.Response qualified = this.api.post("/api/leads/" + id + "/qualify", "{}");
		assertThat(qualified.status()).isEqualTo(200);
		Received event = kafka.awaitRecord("chairside.leads", id, "chairside.lead.LeadQualified.v1");
		assertThat(event.value()).contains("\"score\":75");
		assertThat(Contracts.violations("chairside.lead.LeadQualified.v1", event.value())).isEmpty();
	}

	@Test
	void disqualifiesWithAReasonFromTheListAndANote() {
		String id = this.api.post("/api/leads", practice("Lost " + this.tag, "")).field("id");
		assertThat(this.api.post("/api/leads/" + id + "/disqualify", "{\"reason\":\"NO_BUDGET\"}").status())
			.as("the note is required").isEqualTo(400);
		assertThat(this.api.post("/api/leads/" + id + "/disqualify", "{\"reason\":\"BORED\",\"note\":\"x\"}").status())
			.isEqualTo(400);

		Api.Response done = this.api.post("/api/leads/" + id + "/disqualify", """
				{"reason":"BOUGHT_FROM_COMPETITOR","note":"Signed with a competitor at the fair",
				 "competitor":" Nordic Dental Chairs "}""");
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat(done.field("status")).isEqualTo("DISQUALIFIED");
		assertThat(done.field("disqualificationNote")).isEqualTo("Signed with a competitor at the fair");
		assertThat(done.field("competitor")).isEqualTo("Nordic Dental Chairs");
		assertThat(this.api.post("/api/leads/" + id + "/convert", "{}").status()).isEqualTo(422);

		Received event = kafka.awaitRecord("chairside.leads", id, "chairside.lead.LeadDisqualified.v1");
		assertThat(Contracts.violations("chairside.lead.LeadDisqualified.v1", event.value())).isEmpty();
		assertThat(event.value()).contains("BOUGHT_FROM_COMPETITOR").contains("\"competitor\":\"Nordic Dental Chairs\"")
			.doesNotContain("fair");
	}

	@Test
	void refusesALossToACompetitorWithoutNamingTheCompetitor() {
		String id = this.api.post("/api/leads", practice("Lost Unnamed " + this.tag, "")).field("id");
		for (String body : new String[] { "{\"reason\":\"BOUGHT_FROM_COMPETITOR\",\"note\":\"Went elsewhere\"}",
				"{\"reason\":\"BOUGHT_FROM_COMPETITOR\",\"note\":\"Went elsewhere\",\"competitor\":\"  \"}",
				"{\"reason\":\"NO_BUDGET\",\"note\":\"Next year\",\"competitor\":\"Nordic Dental Chairs\"}" }) {
			Api.Response refused = this.api.post("/api/leads/" + id + "/disqualify", body);
			assertThat(refused.status()).as(body).isEqualTo(400);
			assertThat(refused.header("Content-Type")).hasValueSatisfying((t) -> assertThat(t).startsWith("application/problem+json"));
			assertThat(refused.json().findValuesAsString("field")).as(refused.toString()).containsExactly("competitor");
		}
		assertThat(this.api.get("/api/leads/" + id).field("status")).as("nothing was disqualified").isNotEqualTo("DISQUALIFIED");

		Api.Response done = this.api.post("/api/leads/" + id + "/disqualify", "{\"reason\":\"NO_BUDGET\",\"note\":\"Next year\"}");
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat(done.json().path("competitor").isNull()).isTrue();
	}

	@Test
	void mergesADuplicateKeepingTheContactsAndHistoryOfBoth() {
		// a phone no other test's lead has: the last check asks whose key it is in the store all tests share
		String phone = Phones.unique();
		String survivor = this.api.post("/api/leads", practice("Merge Dental " + this.tag, "")).field("id");
		String duplicate = this.api.post("/api/leads?allowDuplicate=true", practice("Merge Dental " + this.tag,
				",\"phone\":\"" + phone + "\"")).field("id");
		this.api.patch("/api/leads/" + duplicate, "{\"website\":\"https://merge.example\"}");
		this.api.post("/api/leads/" + duplicate + "/contacts", "{\"name\":\"Owner\",\"buyingRole\":\"DECISION_MAKER\"}");

		Api.Response merged = this.api.post("/api/leads/" + survivor + "/merge", "{\"duplicateId\":\"" + duplicate + "\"}");
		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		assertThat(merged.field("phone")).isEqualTo(phone.replace(" ", ""));
		assertThat(merged.field("website")).isEqualTo("https://merge.example");
		assertThat(merged.json().path("contacts")).hasSize(1);

		Api.Response history = this.api.get("/api/leads/" + survivor + "/history");
		assertThat(history.json().findValuesAsString("leadId")).contains(survivor, duplicate);
		assertThat(this.api.get("/api/leads/" + duplicate).field("mergedInto")).isEqualTo(survivor);
		assertThat(this.api.get("/api/leads?size=500").body()).doesNotContain(duplicate);
		assertThat(this.api.post("/api/leads", practice("x " + this.tag, ",\"phone\":\"" + phone + "\"")).field("existingId"))
			.as("the merged lead's keys now belong to the survivor").isEqualTo(survivor);

		Received event = kafka.awaitRecord("chairside.leads", survivor, "chairside.lead.LeadsMerged.v1");
		assertThat(Contracts.violations("chairside.lead.LeadsMerged.v1", event.value())).isEmpty();
		assertThat(event.value()).contains(duplicate);
	}

}
