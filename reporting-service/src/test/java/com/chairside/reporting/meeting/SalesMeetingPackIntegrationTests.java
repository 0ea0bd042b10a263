package com.chairside.reporting.meeting;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sales-meeting pack of a region's November, from contract examples on a real broker, as JSON, CSV and PDF. */
@ServiceIntegrationTest
class SalesMeetingPackIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	Api api;

	String region;

	@BeforeEach
	void signIn() {
		this.region = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
		this.api = Api.local(this.port, Infrastructure.get().token("sm", "SALES_MANAGER", null));
	}

	private void publish(String topic, String type, String key, long sequence, String... fields) {
		String[] all = new String[fields.length + 2];
		all[0] = "region";
		all[1] = this.region;
		System.arraycopy(fields, 0, all, 2, fields.length);
		kafka.sendCloudEvent(topic, key, UUID.randomUUID().toString(), type, sequence, Contracts.example(type, all));
	}

	private void lead(String event, String leadId, long sequence, String... fields) {
		String[] all = new String[fields.length + 2];
		all[0] = "leadId";
		all[1] = leadId;
		System.arraycopy(fields, 0, all, 2, fields.length);
		publish("chairside.leads", "chairside.lead." + event + ".v1", leadId, sequence, all);
	}

	private void order(String event, String orderId, long sequence, String... fields) {
		String[] all = new String[fields.length + 2];
		all[0] = "orderId";
		all[1] = orderId;
		System.arraycopy(fields, 0, all, 2, fields.length);
		publish("chairside.orders", "chairside.order." + event + ".v1", orderId, sequence, all);
	}

	/** November: a target, six leads captured (two contacted, one of them qualified and converted), two orders. */
	private void november() {
		String targetId = this.region + ":2026-11";
		publish("chairside.targets", "chairside.target.TargetSet.v1", targetId, 1, "targetId", targetId, "leadsCaptured",
				"10", "leadsQualified", "4", "leadsConverted", "2");
		for (int i = 0; i < 6; i++) {
			String leadId = UUID.randomUUID().toString();
			lead("LeadCaptured", leadId, 1);
			if (i < 2) {
				lead("DecisionMakerIdentified", leadId, 2);
			}
			if (i == 0) {
				lead("LeadQualified", leadId, 3);
				lead("LeadConverted", leadId, 4);
			}
		}
		String kept = UUID.randomUUID().toString();
		order("OrderPlaced", kept, 1, "placedAt", "2026-11-20T10:00:00Z");
		order("OrderConfirmed", kept, 2, "confirmedAt", "2026-11-21T10:00:00Z");
		String cancelled = UUID.randomUUID().toString();
		order("OrderPlaced", cancelled, 1, "placedAt", "2026-11-22T10:00:00Z");
		order("OrderCancelled", cancelled, 2, "cancelledAt", "2026-11-23T10:00:00Z", "reason", "Budget moved to 2027");
		String draft = UUID.randomUUID().toString();
		order("OrderDrafted", draft, 1, "draftedAt", "2026-11-24T10:00:00Z");
	}

	private JsonNode pack(String period) {
		return this.api.get("/api/reports/sales-meeting?region=" + this.region + "&period=" + period).json();
	}

	@Test
	void answersTargetsAgainstActualsAndEverySectionAsJson() {
		november();
		await().until(() -> pack("2026-11").path("targets").path("leadsCaptured").path("actual").asLong() == 6
				&& pack("2026-11").path("orderBook").path("cancellations").path("count").asInt() == 1
				&& pack("2026-11").path("forecast").path("categories").path("bestCase").path("count").asInt() == 1
				&& pack("2026-11").path("targets").path("leadsConverted").path("actual").asLong() == 1);
		JsonNode pack = pack("2026-11");
		assertThat(pack.path("targets").path("leadsCaptured").path("target").asLong()).isEqualTo(10);
		assertThat(pack.path("targets").path("leadsCaptured").path("attainment").asDouble()).isEqualTo(60.0);
		assertThat(pack.path("targets").path("leadsConverted").path("attainment").asDouble()).isEqualTo(50.0);
		assertThat(pack.path("targets").path("bookings").path("target").decimalValue()).isEqualByComparingTo("950000.00");
		assertThat(pack.path("targets").path("bookings").path("actual").decimalValue()).isEqualByComparingTo("113500.00");
		assertThat(pack.path("targets")).hasSize(4);
		assertThat(pack.path("pace").path("leadsCaptured").path("remaining").asLong()).isEqualTo(4);
		assertThat(pack.path("funnel").path("captured").asLong()).isEqualTo(6);
		assertThat(pack.path("funnel").path("contacted").asLong()).isEqualTo(2);
		assertThat(pack.path("funnel").path("converted").asLong()).isEqualTo(1);
		assertThat(pack.path("funnel").path("bySource").path("CONFERENCE").path("captured").asLong()).isEqualTo(6);
		assertThat(pack.path("funnel").path("conversionRates").path("capturedToContacted").asDouble()).isEqualTo(33.3);
		assertThat(pack.path("orderBook").path("submitted").path("count").asInt()).isEqualTo(2);
		assertThat(pack.path("orderBook").path("confirmed").path("count").asInt()).isEqualTo(1);
		assertThat(pack.path("orderBook").path("cancellations").path("items").get(0).path("reason").asString())
			.isEqualTo("Budget moved to 2027");
		assertThat(pack.path("orderBook").path("byProductLine").path("ORTHODONTIC").path("confirmed").decimalValue())
			.isEqualByComparingTo("113500.00");
		assertThat(pack.path("market").path("byRegion").path(this.region).path("won").asLong()).isEqualTo(1);
		assertThat(pack.path("market").path("byRegion").path(this.region).path("shareByProductLine").path("ORTHODONTIC")
			.asDouble()).isEqualTo(100.0);
		assertThat(pack.path("delivery").has("onTimeRate")).isTrue();
		assertThat(pack.path("activity").has("byAccountManager")).isTrue();
		JsonNode quarter = pack("2026-Q4");
		assertThat(quarter.path("targets").path("leadsCaptured").path("target").asLong()).isEqualTo(10);
		assertThat(pack("2027").path("targets").path("leadsCaptured").path("actual").asLong()).isZero();
	}

	@Test
	void answersCsvAndPdfByTheAcceptHeader() throws IOException {
		november();
		await().until(() -> pack("2026-11").path("targets").path("leadsCaptured").path("actual").asLong() == 6
				&& pack("2026-11").path("targets").path("leadsConverted").path("actual").asLong() == 1);
		String path = "/api/reports/sales-meeting?region=" + this.region + "&period=2026-11";

		Api.Response csv = this.api.send("GET", path, null, Map.of("Accept", "text/csv"));
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo("section,item,metric,value");
		assertThat(lines).contains("targets,leadsCaptured,target,10", "targets,leadsCaptured,actual,6",
				"targets,leadsCaptured,attainment,60.0", "funnel,,captured,6", "pack,,region," + this.region);

		Api.Response pdf = this.api.send("GET", path, null, Map.of("Accept", "application/pdf"));
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		byte[] bytes = pdf(path);
		assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(bytes)) {
			assertThat(document.getNumberOfPages()).isEqualTo(4);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Sales meeting " + this.region, "Targets vs actuals", "Lead funnel",
					"Forecast by expected decision month", "Delivery performance", "6 of 10 (60.0 %)",
					"Lost to competitors", "Installed units 7+ years old");
		}
		Api.Response any = this.api.send("GET", path, null, Map.of("Accept", "text/html;q=0.9, */*;q=0.8"));
		assertThat(any.contentType()).isEqualTo("application/json");
	}

	/** The PDF as bytes (the test client reads bodies as text). */
	private byte[] pdf(String path) {
		try {
			java.net.http.HttpRequest request = java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + path))
				.header("Accept", "application/pdf")
				.header("Authorization", "Bearer " + Infrastructure.get().token("sm", "SALES_MANAGER", null))
				.build();
			return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Leads met at two named conferences (one renamed after capture) and one unnamed, converted into accounts that
	 * ordered: each conference by its name with its leads and the orders of its accounts, the same after the lead
	 * projection is rebuilt from the topic.
	 */
	@Test
	void listsEachConferenceByNameWithItsLeadsAndOrdersAlsoAfterARebuild() throws IOException {
		String ids = UUID.randomUUID().toString();
		String idsAccount = UUID.randomUUID().toString();
		lead("LeadCaptured", ids, 1, "conferenceName", "IDS Köln");
		lead("LeadQualified", ids, 2);
		lead("LeadConverted", ids, 3, "accountId", idsAccount);
		lead("LeadCaptured", UUID.randomUUID().toString(), 1, "conferenceName", "IDS Köln");
		lead("LeadCaptured", UUID.randomUUID().toString(), 1, "source", "OUTBOUND", "conferenceName", "IDS Köln");
		String aao = UUID.randomUUID().toString();
		String aaoAccount = UUID.randomUUID().toString();
		lead("LeadCaptured", aao, 1, "conferenceName", "Dental Expo");
		lead("LeadUpdated", aao, 2, "conferenceName", "AAO Annual Session");
		lead("LeadConverted", aao, 3, "accountId", aaoAccount);
		String unnamed = UUID.randomUUID().toString();
		ObjectNode captured = (ObjectNode) JSON.readTree(Contracts.example("chairside.lead.LeadCaptured.v1", "leadId",
				unnamed, "region", this.region));
		captured.remove("conferenceName");
		kafka.sendCloudEvent("chairside.leads", unnamed, UUID.randomUUID().toString(), "chairside.lead.LeadCaptured.v1",
				1, JSON.writeValueAsString(captured));
		order("OrderPlaced", UUID.randomUUID().toString(), 1, "accountId", idsAccount);
		String cancelled = UUID.randomUUID().toString();
		order("OrderPlaced", cancelled, 1, "accountId", idsAccount);
		order("OrderCancelled", cancelled, 2, "accountId", idsAccount);
		order("OrderPlaced", UUID.randomUUID().toString(), 1, "accountId", aaoAccount);

		await().until(() -> {
			JsonNode conferences = pack("2026-11").path("activity").path("conferences");
			return conferences.path("IDS Köln").path("leads").asLong() == 2
					&& conferences.path("IDS Köln").path("orders").asLong() == 1
					&& conferences.path("AAO Annual Session").path("orders").asLong() == 1
					&& conferences.path("Unnamed conference").path("leads").asLong() == 1;
		});
		JsonNode conferences = pack("2026-11").path("activity").path("conferences");
		assertThat(conferences.properties()).extracting(Map.Entry::getKey)
			.containsExactlyInAnyOrder("AAO Annual Session", "IDS Köln", "Unnamed conference");
		assertConference(conferences.path("IDS Köln"), 2, 1, 1, "113500.00");
		assertConference(conferences.path("AAO Annual Session"), 1, 1, 1, "113500.00");
		assertConference(conferences.path("Unnamed conference"), 1, 0, 0, "0");
		List<String> csv = this.api.send("GET", "/api/reports/sales-meeting?region=" + this.region + "&period=2026-11",
				null, Map.of("Accept", "text/csv")).body().lines().toList();
		assertThat(csv).contains("activity,conferences / IDS Köln,leads,2", "activity,conferences / IDS Köln,orders,1",
				"activity,conferences / AAO Annual Session,converted,1",
				"activity,conferences / AAO Annual Session,orderValue,113500.00",
				"activity,conferences / Unnamed conference,leads,1");

		Api admin = this.api.as(Infrastructure.get().token("admin", "ADMIN", null));
		String rebuild = admin.post("/api/reports/rebuild", "{\"projection\":\"leads\"}").field("id");
		await().atMost(java.time.Duration.ofMinutes(2))
			.until(() -> admin.get("/api/reports/rebuild/" + rebuild).json().path("state").asString(), "COMPLETED"::equals);
		assertThat(pack("2026-11").path("activity").path("conferences")).as("rebuilt from the topic").isEqualTo(conferences);
	}

	private static void assertConference(JsonNode conference, long leads, long converted, long orders, String value) {
		assertThat(conference.path("leads").asLong()).isEqualTo(leads);
		assertThat(conference.path("converted").asLong()).isEqualTo(converted);
		assertThat(conference.path("orders").asLong()).isEqualTo(orders);
		assertThat(conference.path("orderValue").decimalValue()).isEqualByComparingTo(value);
	}

	@Test
	void refusesAnotherAcceptAndABadPeriodAsProblems() {
		String path = "/api/reports/sales-meeting?region=" + this.region;
		Api.Response html = this.api.send("GET", path + "&period=2026-11", null, Map.of("Accept", "text/html"));
		assertThat(html.status()).isEqualTo(406);
		assertThat(html.contentType()).startsWith("application/problem+json");
		for (String period : List.of("2026-13", "2026-Q5", "26", "")) {
			Api.Response bad = this.api.send("GET", path + "&period=" + period, null, Map.of("Accept", "text/csv"));
			assertThat(bad.status()).as(period).isEqualTo(400);
			assertThat(bad.contentType()).startsWith("application/problem+json");
			assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("period");
		}
		assertThat(this.api.get(path).status()).as("no period").isEqualTo(400);
	}

	@Test
	void keepsAccountManagersToTheirOwnRegion() {
		Api manager = this.api.as(Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
		assertThat(manager.get("/api/reports/sales-meeting?region=NORTHEAST&period=2026-11").status()).isEqualTo(200);
		assertThat(manager.get("/api/reports/sales-meeting?period=2026-11").json().path("region").asString())
			.isEqualTo("NORTHEAST");
		assertThat(manager.get("/api/reports/sales-meeting?region=WEST&period=2026-11").status()).isEqualTo(403);
		assertThat(manager.get("/api/reports/sales-meeting?region=ALL&period=2026-11").status()).isEqualTo(403);
		assertThat(this.api.get("/api/reports/sales-meeting?region=ALL&period=2026").json().path("region").asString())
			.isEqualTo("ALL");
		assertThat(this.api.as(Infrastructure.get().departmentToken("fin", "FINANCE"))
			.get("/api/reports/sales-meeting?period=2026-11").status()).isEqualTo(403);
		assertThat(this.api.as(null).get("/api/reports/sales-meeting?period=2026-11").status()).isEqualTo(401);
	}

}
