package com.chairside.system;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sales-meeting pack through the gateway: a lead captured in a region of its own shows in that region's pack of
 * the month, as JSON, CSV and PDF; an admin rebuilds the lead projection and the pack still counts the lead.
 */
class SalesMeetingSystemTests {

	static Suite suite;

	@BeforeAll
	static void start() {
		suite = Suite.get();
	}

	@Test
	void aManagerReadsThePackInEveryFormatAndAnAdminRebuildsItsProjection() {
		String region = "MEETING" + System.nanoTime() % 100000;
		Api manager = suite.gateway(suite.token("sm.meeting", "SALES_MANAGER", null, null));
		Api.Response lead = manager.post("/api/leads", """
				{"practiceName":"Meeting Orthodontics %s","specialty":"ORTHODONTICS","region":"%s",
				 "source":"CONFERENCE","city":"Boston","country":"US","productInterests":["TREATMENT_CHAIR"],
				 "estimatedValue":{"amount":"85000.00","currency":"USD"}}""".formatted(region, region));
		assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
		String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
		String pack = "/api/reports/sales-meeting?region=" + region + "&period=" + month;

		await().atMost(Duration.ofSeconds(60))
			.until(() -> manager.get(pack).json().path("targets").path("leadsCaptured").path("actual").asLong() == 1);
		JsonNode json = manager.get(pack).json();
		assertThat(json.path("funnel").path("captured").asLong()).isEqualTo(1);
		Api.Response csv = manager.send("GET", pack, null, Map.of("Accept", "text/csv"));
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body().lines()).contains("targets,leadsCaptured,actual,1");
		Api.Response pdf = manager.send("GET", pack, null, Map.of("Accept", "application/pdf"));
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		assertThat(pdf.body()).startsWith("%PDF-");

		Api admin = suite.gateway(suite.token("admin", "ADMIN", null, null));
		Api.Response rebuild = admin.post("/api/reports/rebuild", "{\"projection\":\"leads\"}");
		assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
		String id = rebuild.field("id");
		await().atMost(Duration.ofMinutes(2))
			.until(() -> admin.get("/api/reports/rebuild/" + id).json().path("state").asText(), "COMPLETED"::equals);
		assertThat(manager.get(pack).json().path("funnel").path("captured").asLong()).isEqualTo(1);
	}

}
