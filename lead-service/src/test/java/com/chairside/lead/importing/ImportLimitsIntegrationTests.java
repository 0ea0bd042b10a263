package com.chairside.lead.importing;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.TestPropertySource;

import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No one user exhausts the store or the import workers: a body that is not text is refused at once, one over the size
 * limit is refused (declared or counted while streaming) and nothing of it is kept, a user with the allowed number
 * of imports running waits (429) while others do not, an import reads no more rows than allowed and says where it
 * stopped, and stores no more problem lines than allowed while counting them all.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = { "chairside.leads.imports.max-size=64KB", "chairside.leads.imports.max-concurrent-per-user=2",
		"chairside.leads.imports.max-rows=5", "chairside.leads.imports.max-stored-problems=2" })
class ImportLimitsIntegrationTests {

	static final String HEADER = "practiceName,kind,specialty,source,city,country,email\n";

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Test
	void aBodyThatIsNotTextIsRefusedBeforeItIsStored() throws Exception {
		String token = Infrastructure.get().token("am.binary", "ACCOUNT_MANAGER", "NORTHEAST");
		long files = storedFiles();
		byte[] zip = { 'P', 'K', 3, 4, 0, 0, 0, 8, 0, 0 };
		byte[] latin1 = (HEADER + "Cl\u00ednica,PRIVATE_PRACTICE").getBytes(StandardCharsets.ISO_8859_1);
		for (byte[] body : new byte[][] { zip, latin1 }) {
			HttpResponse<String> refused = post(token, HttpRequest.BodyPublishers.ofByteArray(body));
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
			assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			assertThat(refused.body()).contains("NOT_TEXT");
		}
		assertThat(storedFiles()).isEqualTo(files);
	}

	@Test
	void aBodyOverTheLimitIsRefusedDeclaredOrStreamedAndNothingIsKept() throws Exception {
		String token = Infrastructure.get().token("am.large", "ACCOUNT_MANAGER", "NORTHEAST");
		long files = storedFiles();
		long chunks = this.mongo.getCollection("lead_import_files.chunks").countDocuments();
		byte[] large = (HEADER + "x".repeat(70 * 1024)).getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> declared = post(token, HttpRequest.BodyPublishers.ofByteArray(large));
		assertThat(declared.statusCode()).as(declared.body()).isEqualTo(413);
		assertThat(declared.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

		HttpResponse<String> streamed = post(token,
				HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)));
		assertThat(streamed.statusCode()).as("chunked, no length declared: " + streamed.body()).isEqualTo(413);
		assertThat(storedFiles()).isEqualTo(files);
		assertThat(this.mongo.getCollection("lead_import_files.chunks").countDocuments()).isEqualTo(chunks);
	}

	@Test
	void aUserWithTwoImportsRunningWaitsWhileOthersDoNot() throws Exception {
		String user = "am.busy." + UUID.randomUUID().toString().substring(0, 6);
		String token = Infrastructure.get().token(user, "ACCOUNT_MANAGER", "NORTHEAST");
		Instant now = Instant.now();
		for (int i = 0; i < 2; i++) {
			this.mongo.insert(new LeadImport(UUID.randomUUID().toString(), new org.bson.types.ObjectId().toHexString(),
					LeadImport.RUNNING, 0, 0, 0, 0, user, Set.of("ACCOUNT_MANAGER"), "NORTHEAST", "elsewhere",
					now.plusSeconds(3600), now, null, null));
		}
		String csv = HEADER;
		try {
			HttpResponse<String> refused = post(token, HttpRequest.BodyPublishers.ofString(csv));
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
			assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			String other = Infrastructure.get().token(user + ".colleague", "ACCOUNT_MANAGER", "NORTHEAST");
			assertThat(post(other, HttpRequest.BodyPublishers.ofString(csv)).statusCode()).isEqualTo(202);
		}
		finally {
			this.mongo.updateMulti(Query.query(Criteria.where("importedBy").is(user)),
					new Update().set("status", "DONE"), LeadImport.class);
		}
	}

	@Test
	void anImportStopsAtItsRowLimitAndStoresFewerProblemsThanItCounts() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String token = Infrastructure.get().token("am.rows." + tag, "ACCOUNT_MANAGER", "NORTHEAST");
		StringBuilder csv = new StringBuilder("practiceName,specialty,source,city,country,email\n");
		for (int i = 0; i < 3; i++) {
			csv.append("Bad Row ").append(i).append(",NOT_A_SPECIALTY,OUTBOUND,Boston,US,bad").append(i).append('@')
				.append(tag).append(".example\n");
		}
		for (int i = 0; i < 4; i++) {
			csv.append("Row Dental ").append(i).append(' ').append(tag).append(",ORTHODONTICS,OUTBOUND,Boston,US,r")
				.append(i).append('@').append(tag).append(".example\n");
		}
		HttpResponse<String> started = post(token, HttpRequest.BodyPublishers.ofString(csv.toString()));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String id = tools.jackson.databind.json.JsonMapper.shared().readTree(started.body()).path("id").asString();
		com.chairside.testsupport.Api api = com.chairside.testsupport.Api.local(this.port, token);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> "DONE".equals(api.get("/api/leads/imports/" + id).field("status")));
		tools.jackson.databind.JsonNode done = api.get("/api/leads/imports/" + id).json();
		assertThat(done.path("rowsRead").asInt()).isEqualTo(5);
		assertThat(done.path("stoppedAtLine").asInt()).as("header, then five rows read").isEqualTo(7);
		assertThat(done.path("created").asInt()).isEqualTo(2);
		assertThat(done.path("rejected").asInt()).isEqualTo(3);
		assertThat(done.path("problemsTotal").asInt()).as("every problem counted").isEqualTo(3);
		assertThat(done.path("problems")).as("only two stored").hasSize(2);
		assertThat(api.get("/api/leads/imports/" + id + "/problems").json()).hasSize(2);
	}

	private long storedFiles() {
		return this.mongo.getCollection("lead_import_files.files").countDocuments();
	}

	private HttpResponse<String> post(String token, HttpRequest.BodyPublisher body) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/leads/imports"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "text/csv; charset=utf-8")
				.POST(body)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
