package com.chairside.lead.lead;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Activities logged on a lead: validated as an account's are, published whole, and on the lead's timeline. */
@ServiceIntegrationTest
class LeadActivityIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void signIn() {
		this.api = Api.local(this.port, Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
	}

	private String lead() {
		String id = this.api.post("/api/leads", """
				{"practiceName":"Timeline Dental %s","specialty":"ORAL_SURGERY","region":"NORTHEAST",
				 "source":"CONFERENCE","city":"Boston","country":"US"}""".formatted(UUID.randomUUID())).field("id");
		assertThat(id).isNotNull();
		return id;
	}

	@Test
	void logsAnActivityPublishesItWholeAndShowsItOnTheTimelineNewestFirst() throws Exception {
		String id = lead();
		this.api.patch("/api/leads/" + id, "{\"notes\":\"Two operatories\"}");

		Api.Response visit = this.api.post("/api/leads/" + id + "/activities", """
				{"type":"VISIT","direction":"OUTBOUND","occurredAt":"2026-11-02T10:00:00Z",
				 "participants":["Dana Whitfield"],"summary":"  Walked the operatories  ","outcome":"Wants a quote",
				 "nextStep":{"action":"Send the quote","due":"2026-11-05"}}""");
		Api.Response call = this.api.post("/api/leads/" + id + "/activities", """
				{"type":"CALL","occurredAt":"2026-11-01T09:00:00Z","summary":"First call"}""");

		assertThat(visit.status()).as(visit.toString()).isEqualTo(201);
		assertThat(visit.header("Location")).hasValue("/api/leads/" + id + "/activities/" + visit.field("id"));
		assertThat(visit.field("summary")).isEqualTo("Walked the operatories");
		assertThat(call.status()).isEqualTo(201);

		Received logged = kafka.awaitRecord("chairside.leads", id, "chairside.lead.LeadActivityLogged.v1");
		assertThat(Contracts.violations("chairside.lead.LeadActivityLogged.v1", logged.value())).isEmpty();
		JsonNode data = JSON.readTree(logged.value());
		assertThat(data.path("activityId").asString()).isEqualTo(visit.field("id"));
		assertThat(data.path("owner").asString()).isEqualTo("am.northeast");
		assertThat(data.path("region").asString()).isEqualTo("NORTHEAST");
		assertThat(data.path("nextStep").path("due").asString()).isEqualTo("2026-11-05");
		assertThat(data.path("summary").asString()).isEqualTo("Walked the operatories");

		Api.Response timeline = this.api.get("/api/leads/" + id + "/timeline");
		assertThat(timeline.status()).isEqualTo(200);
		JsonNode items = timeline.json().path("items");
		assertThat(items.findValuesAsString("kind")).contains("ACTIVITY", "CHANGE");
		for (int i = 1; i < items.size(); i++) {
			assertThat(items.get(i - 1).path("at").asString()).as("newest first")
				.isGreaterThanOrEqualTo(items.get(i).path("at").asString());
		}
		JsonNode activities = JSON.createArrayNode()
			.addAll(items.findParents("activity").stream().filter((n) -> !n.path("activity").isNull()).toList());
		assertThat(activities.findValuesAsString("summary")).containsExactly("Walked the operatories", "First call");
		assertThat(items.findValuesAsString("field")).contains("notes");
	}

	@Test
	void refusesABadActivityNamingTheFieldsAndAnotherRegionsLead() {
		String id = lead();

		Api.Response bad = this.api.post("/api/leads/" + id + "/activities", """
				{"type":"SEANCE","summary":"","nextStep":{"action":"x"}}""");
		Api.Response missing = this.api.post("/api/leads/" + id + "/activities", """
				{"summary":"","nextStep":{"action":""}}""");

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().path("errors").findValuesAsString("field")).contains("type", "occurredAt", "summary",
				"nextStep.action", "nextStep.due");
		assertThat(this.api.as(Infrastructure.get().token("am.west", "ACCOUNT_MANAGER", "WEST"))
			.post("/api/leads/" + id + "/activities", """
					{"type":"CALL","occurredAt":"2026-11-01T09:00:00Z","summary":"Wrong region"}""")
			.status()).isEqualTo(404);
		assertThat(this.api.get("/api/leads/" + id + "/timeline").json().path("items").findValuesAsString("kind"))
			.doesNotContain("ACTIVITY");
	}

}
