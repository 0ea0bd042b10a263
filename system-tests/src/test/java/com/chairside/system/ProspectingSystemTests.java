package com.chairside.system;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.KafkaProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Prospecting through the gateway: a lead with a Unicode name kept exactly, a duplicate refused with the existing
 * lead's id, a CSV import with its report, the qualification gate, conversion to an account, and the region's target
 * set by its sales manager and counted against in the sales-meeting pack.
 * <p>
 * Works its own region ({@code PROSPECTING...}): other system tests count theirs.
 */
class ProspectingSystemTests {

	static Suite suite;

	@BeforeAll
	static void start() {
		suite = Suite.get();
	}

	@Test
	void anAccountManagerProspectsARegionThroughTheGateway() {
		// a region of its own (configured in the Suite: tokens naming unknown regions are refused), so that the
		// pack's count of the region's leads is this test's alone
		String region = "PROSPECTING";
		String tag = "prospecting" + System.nanoTime() % 100000;
		Api api = suite.gateway(suite.token("am." + tag, "ACCOUNT_MANAGER", region, null));

		Api.Response lead = api.post("/api/leads", """
				{"practiceName":"Zahnarztpraxis Müller 歯科","specialty":"ORTHODONTICS","source":"CONFERENCE",
				 "conferenceName":"IDS Köln","city":"Köln","country":"DE","postalCode":"50667",
				 "email":" Info@Mueller-%1$s.Example ","phone":"+49 (221) 555-0100",
				 "productInterests":["TREATMENT_CHAIR"],"estimatedValue":{"amount":"42000.00","currency":"EUR"}}"""
			.formatted(tag));
		assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
		String id = lead.field("id");
		assertThat(lead.field("practiceName")).isEqualTo("Zahnarztpraxis Müller 歯科");
		assertThat(lead.field("email")).isEqualTo("info@mueller-" + tag + ".example");

		Api.Response duplicate = api.post("/api/leads", """
				{"practiceName":"Praxis Mueller","specialty":"ORTHODONTICS","source":"OUTBOUND","city":"Köln",
				 "country":"DE","email":"INFO@mueller-%s.example"}""".formatted(tag));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.contentType()).startsWith("application/problem+json");
		assertThat(duplicate.field("existingId")).isEqualTo(id);

		Api.Response started = api.send("POST", "/api/leads/imports", """
				practiceName;specialty;source;city;country;email
				Clínica Dental Peña;PEDIATRIC_DENTISTRY;INBOUND_WEB;Sevilla;ES;pena@%1$s.example
				Duplicate of Müller;ORTHODONTICS;OUTBOUND;Köln;DE;info@mueller-%1$s.example
				Not a specialty;DENTAL_MAGIC;OUTBOUND;Köln;DE;bad@%1$s.example
				""".formatted(tag), Map.of("Content-Type", "text/csv"));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		String imported = "/api/leads/imports/" + started.field("id");
		await("the import done").atMost(Duration.ofSeconds(60))
			.until(() -> "DONE".equals(api.get(imported).field("status")));
		JsonNode report = api.get(imported).json();
		assertThat(report.path("rowsRead").asInt()).isEqualTo(3);
		assertThat(report.path("created").asInt()).isEqualTo(1);
		assertThat(report.path("duplicates").asInt()).isEqualTo(1);
		assertThat(report.path("rejected").asInt()).isEqualTo(1);
		assertThat(report.path("problems").findValuesAsString("line")).containsExactlyInAnyOrder("3", "4");

		Api.Response gate = api.post("/api/leads/" + id + "/qualify", "{}");
		assertThat(gate.status()).as("no decision maker yet").isEqualTo(422);
		assertThat(gate.body()).contains("DECISION_MAKER_REQUIRED");
		assertThat(api.post("/api/leads/" + id + "/contacts", """
				{"name":"Dr. Anna Müller","buyingRole":"DECISION_MAKER"}""").status()).isEqualTo(201);
		assertThat(api.post("/api/leads/" + id + "/qualify", "{}").status()).isEqualTo(200);
		Api.Response converted = api.post("/api/leads/" + id + "/convert", "{}");
		assertThat(converted.status()).as(converted.toString()).isEqualTo(202);
		String account = converted.field("accountId");
		await("the account opened from the lead").atMost(Duration.ofSeconds(60))
			.until(() -> api.get("/api/accounts/" + account).status() == 200);
		assertThat(api.get("/api/accounts/" + account).field("name")).isEqualTo("Zahnarztpraxis Müller 歯科");

		String month = YearMonth.now(ZoneOffset.UTC).toString();
		Api manager = suite.gateway(suite.token("sm." + tag, "SALES_MANAGER", region, null));
		Api.Response target = manager.send("PUT", "/api/regions/" + region + "/targets/" + month, """
				{"leadsCaptured":4,"leadsQualified":2,"leadsConverted":1,
				 "bookings":{"amount":"100000.00","currency":"USD"}}""", Map.of());
		assertThat(target.status()).as(target.toString()).isEqualTo(200);
		assertThat(api.get("/api/regions/" + region + "/targets/" + month).json().path("leadsCaptured").asInt())
			.isEqualTo(4);
		try (KafkaProbe kafka = new KafkaProbe(suite.kafka().address())) {
			kafka.awaitRecord("chairside.targets", region + ":" + month, "chairside.target.TargetSet.v1");
		}
		await("the pack counts the region against its target").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode captured = manager.get("/api/reports/sales-meeting?region=" + region + "&period=" + month).json()
				.path("targets").path("leadsCaptured");
			assertThat(captured.path("target").asLong()).isEqualTo(4);
			assertThat(captured.path("actual").asLong()).isEqualTo(2);
			assertThat(captured.path("attainment").asDouble()).isEqualTo(50.0);
		});
	}

}
