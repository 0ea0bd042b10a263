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
 * limit is refused (declared or counted while streaming) and nothing of it is kept, and a user with the allowed number
 * of imports running waits (429) while others do not.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = { "chairside.imports.max-size=64KB", "chairside.imports.max-concurrent-per-user=2" })
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
					now.plusSeconds(3600), now, null));
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
