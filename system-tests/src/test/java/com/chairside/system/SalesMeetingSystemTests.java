package com.chairside.system;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sales-meeting pack through the gateway: a lead captured in a region of its own shows in that region's pack of
 * the month, as JSON, CSV and PDF; an admin rebuilds the lead projection and the pack still counts the lead. Leads
 * met at named conferences, converted and ordered, show under their conference's name with those orders.
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
		RebuildCheck.rebuildAndSwitch(suite, admin, "leads");
		assertThat(manager.get(pack).json().path("funnel").path("captured").asLong()).isEqualTo(1);
	}

	@Test
	void thePackNamesEachConferenceWithItsLeadsAndTheOrdersTheyBroughtAlsoAfterARebuild() {
		String region = "CONF" + System.nanoTime() % 100000;
		Api manager = suite.gateway(suite.token("sm.conference", "SALES_MANAGER", null, null));
		String ids = orderedConferenceLead(manager, region, "Zahnarztpraxis Müller", "IDS Köln");
		String aao = orderedConferenceLead(manager, region, "Lakeside Orthodontics", "AAO Annual Session");
		assertThat(manager.post("/api/leads", conferenceLead("Praxis am Dom", region, "IDS Köln")).status()).isEqualTo(201);
		String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
		String pack = "/api/reports/sales-meeting?region=" + region + "&period=" + month;

		await().atMost(Duration.ofSeconds(60)).until(() -> {
			JsonNode conferences = manager.get(pack).json().path("activity").path("conferences");
			return conferences.path("IDS Köln").path("leads").asLong() == 2
					&& conferences.path("IDS Köln").path("orders").asLong() == 1
					&& conferences.path("AAO Annual Session").path("orders").asLong() == 1;
		});
		JsonNode conferences = manager.get(pack).json().path("activity").path("conferences");
		assertThat(conferences.size()).as(conferences.toString()).isEqualTo(2);
		assertThat(conferences.path("IDS Köln").path("converted").asLong()).isEqualTo(1);
		assertThat(conferences.path("IDS Köln").path("orderValue").decimalValue()).isEqualByComparingTo(ids);
		assertThat(conferences.path("AAO Annual Session").path("leads").asLong()).isEqualTo(1);
		assertThat(conferences.path("AAO Annual Session").path("converted").asLong()).isEqualTo(1);
		assertThat(conferences.path("AAO Annual Session").path("orderValue").decimalValue()).isEqualByComparingTo(aao);
		assertThat(manager.send("GET", pack, null, Map.of("Accept", "text/csv")).body().lines())
			.contains("activity,conferences / IDS Köln,leads,2", "activity,conferences / AAO Annual Session,orders,1");

		Api admin = suite.gateway(suite.token("admin", "ADMIN", null, null));
		RebuildCheck.rebuildAndSwitch(suite, admin, "leads");
		assertThat(manager.get(pack).json().path("activity").path("conferences")).as("rebuilt from the topics")
			.isEqualTo(conferences);
	}

	/** A lead met at the conference, qualified, converted and ordered; answers the order's total. */
	private static String orderedConferenceLead(Api manager, String region, String practice, String conference) {
		String lead = manager.post("/api/leads", conferenceLead(practice, region, conference)).field("id");
		assertThat(manager.post("/api/leads/" + lead + "/contacts", """
				{"name":"Practice Owner","buyingRole":"DECISION_MAKER"}""").status()).isEqualTo(201);
		assertThat(manager.post("/api/leads/" + lead + "/qualify", "{}").status()).isEqualTo(200);
		// a new account regardless: which account a practice already has is not what this test is about
		Api.Response converted = manager.post("/api/leads/" + lead + "/convert", "{\"newAccount\":true}");
		assertThat(converted.status()).as(converted.toString()).isIn(200, 202);
		String account = converted.field("accountId");
		await().atMost(Duration.ofSeconds(30)).until(() -> manager.get("/api/accounts/" + account).status() == 200);
		Api.Response order = manager.post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":1}],"requestedDeliveryDate":"2027-03-01"}"""
			.formatted(account));
		assertThat(order.status()).as(order.toString()).isEqualTo(201);
		return order.json().path("total").path("amount").asString();
	}

	private static String conferenceLead(String practice, String region, String conference) {
		return """
				{"practiceName":"%s %s","specialty":"ORTHODONTICS","region":"%s","source":"CONFERENCE",
				 "conferenceName":"%s","city":"Köln","country":"DE","productInterests":["TREATMENT_CHAIR"],
				 "estimatedValue":{"amount":"60000.00","currency":"EUR"}}""".formatted(practice, region, region, conference);
	}

}
