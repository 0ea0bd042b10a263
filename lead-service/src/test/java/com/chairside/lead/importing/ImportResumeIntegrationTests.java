package com.chairside.lead.importing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.test.context.TestPropertySource;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An import whose instance stopped mid-way is taken over once its lease runs out, after the rows already counted. */
@ServiceIntegrationTest
@TestPropertySource(properties = "chairside.leads.imports.sweep-interval=PT1S")
class ImportResumeIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MongoDatabaseFactory factory;

	@Test
	void resumesAnAbandonedImportAfterTheRowsAlreadyCounted() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String csv = """
				practiceName,specialty,source,city,country,email
				Done Before %1$s,ORTHODONTICS,OUTBOUND,Boston,US,a@%1$s.example
				Resumed One %1$s,ORTHODONTICS,OUTBOUND,Boston,US,b@%1$s.example
				Resumed Two %1$s,ORTHODONTICS,OUTBOUND,Boston,US,c@%1$s.example
				""".formatted(tag);
		String id = abandoned(csv, 1);

		Api api = Api.local(this.port, Infrastructure.get().token("am.resume", "ACCOUNT_MANAGER", "NORTHEAST"));
		Api.Response done = awaitDone(api, id);
		assertThat(done.json().path("rowsRead").asInt()).isEqualTo(3);
		assertThat(done.json().path("created").asInt()).isEqualTo(3);
		String listed = api.get("/api/leads?size=500").body();
		assertThat(listed).contains("Resumed One " + tag, "Resumed Two " + tag)
			.as("the row counted before the stop is not read again")
			.doesNotContain("Done Before " + tag);
	}

	/**
	 * The instance died after storing a batch's leads (and some problems) but before counting the batch: the redone
	 * batch recognises its own leads by their derived ids, so each is created and counted once and no row is reported
	 * as a duplicate of itself.
	 */
	@Test
	void countsABatchStoredButNotCountedOnce() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String csv = """
				practiceName,specialty,source,city,country,email
				Counted Later %1$s,ORTHODONTICS,OUTBOUND,Boston,US,a@%1$s.example
				Stored Before %1$s,ORTHODONTICS,OUTBOUND,Boston,US,b@%1$s.example
				Never Stored %1$s,ORTHODONTICS,OUTBOUND,Boston,US,c@%1$s.example
				Same Mail %1$s,ORTHODONTICS,OUTBOUND,Boston,US,a@%1$s.example
				""".formatted(tag);
		String id = abandoned(csv, 0);
		// what the dead attempt left: line 3's lead (its events staged with it) and a problem for line 5
		this.mongo.getCollection("leads").insertOne(new Document("_id", ImportBatch.leadIdOf(id, 3))
			.append("practiceName", "Stored Before " + tag).append("region", "NORTHEAST").append("owner", "am.resume")
			.append("status", "NEW").append("matchKeys", new Document("email", "b@" + tag + ".example")));
		this.mongo.insert(new ImportProblem(null, id, 5, "duplicate of line 2 (same e-mail)"));

		Api api = Api.local(this.port, Infrastructure.get().token("am.resume", "ACCOUNT_MANAGER", "NORTHEAST"));
		Api.Response done = awaitDone(api, id);
		assertThat(done.json().path("rowsRead").asInt()).isEqualTo(4);
		assertThat(done.json().path("created").asInt()).isEqualTo(3);
		assertThat(done.json().path("duplicates").asInt()).isEqualTo(1);
		assertThat(this.mongo.count(Query.query(Criteria.where("importId").is(id)), ImportProblem.class))
			.as("the dead attempt's problem is not counted twice").isEqualTo(1);
		assertThat(this.mongo.count(Query.query(Criteria.where("matchKeys.email").is("b@" + tag + ".example")), "leads"))
			.as("the lead stored before is not stored again").isEqualTo(1);
	}

	/**
	 * The instance died after claiming a batch's match keys but before storing its leads: the redone batch takes
	 * those claims as its own (they name the lead ids it derives), so nothing is reported as a duplicate of a lead
	 * that was never stored.
	 */
	@Test
	void takesTheClaimsOfADeadAttemptAsItsOwn() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String csv = """
				practiceName,specialty,source,city,country,email
				Claimed One %1$s,ORTHODONTICS,OUTBOUND,Boston,US,a@%1$s.example
				Claimed Two %1$s,ORTHODONTICS,OUTBOUND,Boston,US,b@%1$s.example
				Same Mail %1$s,ORTHODONTICS,OUTBOUND,Boston,US,a@%1$s.example
				""".formatted(tag);
		String id = abandoned(csv, 0);
		// what the dead attempt left: the claims of lines 2 and 3, fresh, and no lead
		this.mongo.getCollection("lead_match_keys").insertMany(List.of(
				new Document("_id", "e:a@" + tag + ".example").append("leadId", ImportBatch.leadIdOf(id, 2))
					.append("claimedAt", new Date()),
				new Document("_id", "e:b@" + tag + ".example").append("leadId", ImportBatch.leadIdOf(id, 3))
					.append("claimedAt", new Date())));

		Api api = Api.local(this.port, Infrastructure.get().token("am.resume", "ACCOUNT_MANAGER", "NORTHEAST"));
		Api.Response done = awaitDone(api, id);
		assertThat(done.json().path("created").asInt()).isEqualTo(2);
		assertThat(done.json().path("duplicates").asInt()).isEqualTo(1);
		assertThat(done.json().path("problems").findValuesAsString("reason"))
			.containsExactly("duplicate of line 2 (same e-mail)");
		assertThat(api.get("/api/leads/" + ImportBatch.leadIdOf(id, 2)).field("practiceName"))
			.isEqualTo("Claimed One " + tag);
	}

	/** An import whose instance stopped five minutes ago (its lease ran out) after counting {@code counted} rows. */
	private String abandoned(String csv, long counted) {
		String file = new GridFsTemplate(this.factory, this.mongo.getConverter(), "lead_import_files")
			.store(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "abandoned.csv", "text/csv")
			.toHexString();
		String id = UUID.randomUUID().toString();
		Instant then = Instant.now().minus(Duration.ofMinutes(5));
		this.mongo.insert(new LeadImport(id, file, LeadImport.RUNNING, counted, counted, 0, 0, "am.resume",
				Set.of("ACCOUNT_MANAGER"), "NORTHEAST", "a-stopped-instance", then.plus(ImportWorker.LEASE), then, null, null));
		return id;
	}

	private static Api.Response awaitDone(Api api, String id) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "DONE".equals(api.get("/api/leads/imports/" + id).field("status")));
		return api.get("/api/leads/imports/" + id);
	}

}
