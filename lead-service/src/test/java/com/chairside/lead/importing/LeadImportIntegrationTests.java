package com.chairside.lead.importing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** CSV imports: streamed, batched, duplicates within the file and against the store, bad rows reported. */
@ServiceIntegrationTest
class LeadImportIntegrationTests {

	@LocalServerPort
	int port;

	String token;

	String tag;

	@BeforeEach
	void signIn() {
		this.token = Infrastructure.get().token("am.import", "ACCOUNT_MANAGER", "NORTHEAST");
		this.tag = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void importsAFileReportingEveryRowNotCreatedAndTheSameFileTwiceCreatesNothing() throws Exception {
		String csv = """
				practiceName;specialty;source;city;country;email;phone;postalCode;productInterests;estimatedValue.amount;estimatedValue.currency;notes
				Zahnarztpraxis Müller %1$s;GENERAL_DENTISTRY;OUTBOUND;Köln;US;mueller@%1$s.example;;;EXAM_CHAIR|DELIVERY_UNIT;12000;USD;"said ""call""; later"
				"Clínica Dental Peña %1$s";ORTHODONTICS;CONFERENCE;Madrid;US;;+34 91 555 0101;;;;;
				Dr. Muller Zahnarztpraxis %1$s;GENERAL_DENTISTRY;OUTBOUND;Köln;US;MUELLER@%1$s.EXAMPLE;;;;;;
				Bad Enum %1$s;TEETH;OUTBOUND;Köln;US;bad@%1$s.example;;;;;;
				No Keys %1$s;ORTHODONTICS;OUTBOUND;Köln;US;;;;;;;
				Short row %1$s;ORTHODONTICS
				歯科 %1$s;PEDIATRIC_DENTISTRY;INBOUND_WEB;Tokyo;US;;;100-0001;;;;
				""".formatted(this.tag);

		JsonNode first = importAndWait(csv);
		assertThat(first.path("rowsRead").asInt()).isEqualTo(7);
		assertThat(first.path("created").asInt()).isEqualTo(3);
		assertThat(first.path("duplicates").asInt()).isEqualTo(1);
		assertThat(first.path("rejected").asInt()).isEqualTo(3);
		assertThat(first.path("problems").findValuesAsString("line")).containsExactly("4", "5", "6", "7");
		assertThat(first.path("problems").get(0).path("reason").asString()).contains("duplicate of line 2", "e-mail");
		assertThat(first.path("problems").get(1).path("reason").asString()).contains("specialty", "TEETH");

		Api api = Api.local(this.port, this.token);
		String listed = api.get("/api/leads?size=500").body();
		assertThat(listed).contains("Zahnarztpraxis Müller " + this.tag, "Clínica Dental Peña " + this.tag, "歯科 " + this.tag);
		assertThat(listed).contains("said \\\"call\\\"; later");

		JsonNode second = importAndWait(csv);
		assertThat(second.path("created").asInt()).isZero();
		assertThat(second.path("duplicates").asInt()).isEqualTo(4);
		assertThat(second.path("problems").get(0).path("reason").asString()).contains("duplicate of lead");
	}

	@Test
	void importsManyBatchesWithCommasAndAnotherRegionsRowsAreRejected() throws Exception {
		StringBuilder csv = new StringBuilder("practiceName,specialty,source,city,country,region,email\n");
		for (int i = 0; i < 1200; i++) {
			csv.append("Batch Dental ").append(i).append(",ORTHODONTICS,OUTBOUND,Boston,US,")
				.append((i == 700) ? "WEST" : "NORTHEAST").append(",b").append(i).append('@').append(this.tag)
				.append(".example\n");
		}
		csv.append("Batch Dental again,ORTHODONTICS,OUTBOUND,Boston,US,NORTHEAST,b3@").append(this.tag).append(".example\n");
		JsonNode done = importAndWait(csv.toString());
		assertThat(done.path("rowsRead").asInt()).isEqualTo(1201);
		assertThat(done.path("created").asInt()).isEqualTo(1199);
		assertThat(done.path("rejected").asInt()).isEqualTo(1);
		assertThat(done.path("duplicates").asInt()).as("a duplicate of a row in an earlier batch").isEqualTo(1);
		assertThat(done.path("problems").get(0).path("line").asInt()).isEqualTo(702);
		assertThat(done.path("problemsTotal").asInt()).isEqualTo(2);
	}

	@Test
	void namesTheStoredLeadOrTheEarlierLineEachDuplicateRepeats() throws Exception {
		Api api = Api.local(this.port, this.token);
		String known = api.post("/api/leads", """
				{"practiceName":"Known %1$s","specialty":"ORTHODONTICS","source":"OUTBOUND","city":"Boston","country":"US",
				 "email":"known@%1$s.example"}""".formatted(this.tag)).field("id");
		JsonNode done = importAndWait("""
				practiceName,specialty,source,city,country,email,phone
				Known Again %1$s,ORTHODONTICS,OUTBOUND,Boston,US,KNOWN@%1$s.example,
				Fresh %1$s,ORTHODONTICS,OUTBOUND,Boston,US,fresh@%1$s.example,+1 617 555 0177
				Fresh Again %1$s,ORTHODONTICS,OUTBOUND,Boston,US,other@%1$s.example,+1 (617) 555-0177
				""".formatted(this.tag));
		assertThat(done.path("created").asInt()).isEqualTo(1);
		assertThat(done.path("duplicates").asInt()).isEqualTo(2);
		assertThat(done.path("problems").findValuesAsString("reason")).containsExactly(
				"duplicate of lead " + known + " (same e-mail)", "duplicate of line 3 (same phone)");
	}

	@Test
	void anImportIsOnlyVisibleToItsImporterAndManagers() throws Exception {
		String id = post("practiceName,specialty,source,city,country,email\n");
		Api other = Api.local(this.port, Infrastructure.get().token("am.other", "ACCOUNT_MANAGER", "NORTHEAST"));
		assertThat(other.get("/api/leads/imports/" + id).status()).isEqualTo(404);
		assertThat(other.as(Infrastructure.get().token("sm", "SALES_MANAGER", null)).get("/api/leads/imports/" + id)
			.status()).isEqualTo(200);
	}

	private JsonNode importAndWait(String csv) throws Exception {
		String id = post(csv);
		Api api = Api.local(this.port, this.token);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> "DONE".equals(api.get("/api/leads/imports/" + id).field("status")));
		return api.get("/api/leads/imports/" + id).json();
	}

	private String post(String csv) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/leads/imports"))
				.header("Authorization", "Bearer " + this.token)
				.header("Content-Type", "text/csv; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return JsonMapper.builder().build().readTree(response.body()).path("id").asString();
	}

}
