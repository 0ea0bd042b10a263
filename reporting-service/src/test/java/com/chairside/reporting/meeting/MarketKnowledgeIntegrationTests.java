package com.chairside.reporting.meeting;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pack's market knowledge, from contract examples on a real broker: leads lost to each competitor by region, and
 * the installed units seven years old or more by region, as JSON and CSV, and the same after the projections are
 * rebuilt from the topics.
 */
@ServiceIntegrationTest
class MarketKnowledgeIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	Api api;

	String east;

	String west;

	String tag;

	@BeforeEach
	void signIn() {
		this.tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
		this.east = "E" + this.tag;
		this.west = "W" + this.tag;
		this.api = Api.local(this.port, Infrastructure.get().token("sm", "SALES_MANAGER", null));
	}

	/** A lead captured (estimated at the example's 85,000.00) and disqualified for {@code reason} on 13 November. */
	private void lost(String region, String reason, String competitor) throws IOException {
		String leadId = UUID.randomUUID().toString();
		send("chairside.leads", leadId, "chairside.lead.LeadCaptured.v1", 1,
				Contracts.example("chairside.lead.LeadCaptured.v1", "leadId", leadId, "region", region));
		ObjectNode disqualified = (ObjectNode) JSON.readTree(Contracts.example("chairside.lead.LeadDisqualified.v1",
				"leadId", leadId, "region", region, "reason", reason));
		if (competitor != null) {
			disqualified.put("competitor", competitor);
		}
		else {
			disqualified.putNull("competitor");
		}
		send("chairside.leads", leadId, "chairside.lead.LeadDisqualified.v1", 2, JSON.writeValueAsString(disqualified));
	}

	private void installedBase(String accountId, String region, long sequence, int... yearsAndQuantities)
			throws IOException {
		ObjectNode changed = (ObjectNode) JSON.readTree(Contracts.example("chairside.account.InstalledBaseChanged.v1",
				"accountId", accountId, "region", region, "accountName", "Practice " + accountId.substring(0, 4)));
		ArrayNode units = changed.putArray("units");
		for (int i = 0; i + 1 < yearsAndQuantities.length; i += 2) {
			units.addObject()
				.put("unitId", accountId + "-" + i)
				.put("brand", "Brand " + i)
				.put("model", "M-" + i)
				.put("productLine", "TREATMENT_CHAIR")
				.put("yearInstalled", yearsAndQuantities[i])
				.put("quantity", yearsAndQuantities[i + 1]);
		}
		String payload = JSON.writeValueAsString(changed);
		assertThat(Contracts.violations("chairside.account.InstalledBaseChanged.v1", payload)).isEmpty();
		send("chairside.accounts", accountId, "chairside.account.InstalledBaseChanged.v1", sequence, payload);
	}

	private static void send(String topic, String key, String type, long sequence, String payload) {
		kafka.sendCloudEvent(topic, key, UUID.randomUUID().toString(), type, sequence, payload);
	}

	private JsonNode market() {
		return this.api.get("/api/reports/sales-meeting?period=2026-11").json().path("market");
	}

	@Test
	void listsCompetitorsLostToAndUnitsDueForReplacementByRegionAlsoAfterARebuild() throws IOException {
		String nordic = "Nordic Dental Chairs " + this.tag;
		String aurora = "Aurora Chairs " + this.tag;
		lost(this.east, "BOUGHT_FROM_COMPETITOR", nordic);
		lost(this.east, "BOUGHT_FROM_COMPETITOR", nordic);
		lost(this.west, "BOUGHT_FROM_COMPETITOR", nordic);
		lost(this.west, "BOUGHT_FROM_COMPETITOR", aurora);
		lost(this.west, "NO_BUDGET", null);

		int year = LocalDate.now(ZoneOffset.UTC).getYear();
		String harbor = UUID.randomUUID().toString();
		// the newest list wins: the older one, arriving later, changes nothing
		installedBase(harbor, this.east, 3, year - 8, 2, year - 6, 1, year - 7, 3);
		installedBase(harbor, this.east, 2, year - 20, 5);
		String summit = UUID.randomUUID().toString();
		installedBase(summit, this.west, 1, year - 12, 1);

		await().atMost(Duration.ofMinutes(1)).until(() -> {
			JsonNode market = market();
			return market.path("lostToCompetitors").path(nordic).path("leadsLost").asLong() == 3
					&& market.path("lostToCompetitors").path(aurora).path("leadsLost").asLong() == 1
					&& market.path("replacementCandidates").path("byRegion").path(this.east).path("units").asLong() == 5
					&& market.path("replacementCandidates").path("byRegion").path(this.west).path("units").asLong() == 1;
		});
		JsonNode market = market();
		JsonNode lostToNordic = market.path("lostToCompetitors").path(nordic);
		assertThat(lostToNordic.path("estimatedValue").decimalValue()).isEqualByComparingTo("255000.00");
		assertThat(lostToNordic.path("byRegion").path(this.east).path("leadsLost").asLong()).isEqualTo(2);
		assertThat(lostToNordic.path("byRegion").path(this.east).path("estimatedValue").decimalValue())
			.isEqualByComparingTo("170000.00");
		assertThat(lostToNordic.path("byRegion").path(this.west).path("leadsLost").asLong()).isEqualTo(1);
		assertThat(market.path("lostToCompetitors").path(aurora).path("byRegion").path(this.west).path("leadsLost")
			.asLong()).isEqualTo(1);

		JsonNode candidates = market.path("replacementCandidates");
		assertThat(candidates.path("minimumAge").asInt()).isEqualTo(7);
		JsonNode east = candidates.path("byRegion").path(this.east).path("items");
		assertThat(east.findValuesAsString("unitId")).as("oldest first, the six-year-old unit left out")
			.containsExactly(harbor + "-0", harbor + "-4");
		JsonNode oldest = east.get(0);
		assertThat(oldest.path("accountId").asString()).isEqualTo(harbor);
		assertThat(oldest.path("account").asString()).isEqualTo("Practice " + harbor.substring(0, 4));
		assertThat(oldest.path("brand").asString()).isEqualTo("Brand 0");
		assertThat(oldest.path("model").asString()).isEqualTo("M-0");
		assertThat(oldest.path("productLine").asString()).isEqualTo("TREATMENT_CHAIR");
		assertThat(oldest.path("yearInstalled").asInt()).isEqualTo(year - 8);
		assertThat(oldest.path("age").asInt()).isEqualTo(8);
		assertThat(oldest.path("quantity").asInt()).isEqualTo(2);
		assertThat(east.get(1).path("age").asInt()).isEqualTo(7);
		assertThat(candidates.path("byRegion").path(this.west).path("items").get(0).path("age").asInt()).isEqualTo(12);

		List<String> csv = this.api.send("GET", "/api/reports/sales-meeting?region=" + this.east + "&period=2026-11",
				null, Map.of("Accept", "text/csv")).body().lines().toList();
		assertThat(csv).contains("market,lostToCompetitors / " + nordic + ",leadsLost,2",
				"market,lostToCompetitors / " + nordic + ",estimatedValue,170000.00",
				"market,lostToCompetitors / " + nordic + " / byRegion / " + this.east + ",leadsLost,2",
				"market,replacementCandidates / byRegion / " + this.east + ",units,5",
				"market,replacementCandidates / byRegion / " + this.east + " / items / " + harbor + "-0,brand,Brand 0",
				"market,replacementCandidates / byRegion / " + this.east + " / items / " + harbor + "-0,age,8",
				"market,replacementCandidates / byRegion / " + this.east + " / items / " + harbor + "-0,quantity,2");

		Api admin = this.api.as(Infrastructure.get().token("admin", "ADMIN", null));
		for (String projection : List.of("leads", "installedBase")) {
			Api.Response started = admin.post("/api/reports/rebuild", "{\"projection\":\"" + projection + "\"}");
			assertThat(started.status()).as(started.toString()).isLessThan(300);
			await().atMost(Duration.ofMinutes(2))
				.until(() -> admin.get("/api/reports/rebuild/" + started.field("id")).json().path("state").asString(),
						"COMPLETED"::equals);
		}
		JsonNode rebuilt = market();
		assertThat(rebuilt.path("lostToCompetitors").path(nordic)).as("rebuilt from the topic").isEqualTo(lostToNordic);
		assertThat(rebuilt.path("lostToCompetitors").path(aurora)).isEqualTo(market.path("lostToCompetitors").path(aurora));
		for (String region : List.of(this.east, this.west)) {
			assertThat(rebuilt.path("replacementCandidates").path("byRegion").path(region)).as(region)
				.isEqualTo(candidates.path("byRegion").path(region));
		}
	}

}
