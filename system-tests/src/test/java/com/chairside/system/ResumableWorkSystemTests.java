package com.chairside.system;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.chairside.launcher.Catalogue;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Long work survives the replica doing it: an import and a projection rebuild are each given to an extra replica,
 * which is killed (SIGKILL) mid-way; another replica takes the work over once the dead one's lease ran out, and the
 * result is exactly what an uninterrupted run gives: every good row one lead with one LeadCaptured event, every
 * duplicate and bad row reported once; the rebuilt projection answers the figures the live one did.
 * <p>
 * Works its own region ({@code RESUME...}): other system tests count theirs.
 */
class ResumableWorkSystemTests {

	static final int ROWS = 4000;

	static Suite suite;

	@BeforeAll
	static void start() {
		suite = Suite.get();
	}

	@Test
	void anImportAndARebuildSurviveTheReplicaRunningThemBeingKilled() {
		// a region of its own (configured in the Suite: tokens naming unknown regions are refused)
		String region = "RESUME";
		String accountManager = suite.token("am.resume" + System.nanoTime() % 100000, "ACCOUNT_MANAGER", region, null);

		// Both replicas start together (two JVMs side by side are ready sooner than one after the other); the import
		// runs on the first, the rebuild later on the second.
		Map<String, Suite.Replica> replicas = suite.startReplicas(Map.of("lead-service",
				List.of("--chairside.leads.imports.lease=PT10S", "--chairside.leads.imports.sweep-interval=PT1H"), "reporting-service",
				List.of("--chairside.reporting.rebuild.batch-size=200",
						"--chairside.reporting.rebuild.pause-between-batches=300ms",
						"--chairside.reporting.rebuild.lease=PT10S", "--chairside.reporting.rebuild.watch-interval=1h")));
		String importId = importKilledMidway(replicas.get("lead-service"), region, accountManager);
		Api viaGateway = suite.gateway(accountManager);
		await("the import taken over and finished").atMost(Duration.ofSeconds(180))
			.until(() -> "DONE".equals(viaGateway.get("/api/leads/imports/" + importId).field("status")));
		assertThat(suite.process("lead-service").logText()).contains("Resuming import " + importId);

		JsonNode report = viaGateway.get("/api/leads/imports/" + importId).json();
		int duplicates = ROWS / 20;
		int rejected = ROWS / 100;
		int created = ROWS - duplicates - rejected;
		assertThat(report.path("rowsRead").asInt()).isEqualTo(ROWS);
		assertThat(report.path("created").asInt()).isEqualTo(created);
		assertThat(report.path("duplicates").asInt()).isEqualTo(duplicates);
		assertThat(report.path("rejected").asInt()).isEqualTo(rejected);
		assertThat(report.path("problemsTotal").asInt()).as("each bad or duplicate row reported once")
			.isEqualTo(duplicates + rejected);

		Set<String> leads = leadsIn(region);
		assertThat(leads).as("one lead per good row").hasSize(created);
		try (KafkaProbe kafka = new KafkaProbe(suite.kafka().address())) {
			List<Received> records = kafka.records("chairside.leads");
			await("every imported lead's LeadCaptured").atMost(Duration.ofSeconds(60))
				.until(() -> capturedEvents(records, leads).size() == created);
			assertThat(capturedEvents(records, leads).values()).as("one LeadCaptured event per lead")
				.allSatisfy((ids) -> assertThat(ids).hasSize(1));
		}

		rebuildKilledMidway(replicas.get("reporting-service"), region, accountManager, created);
	}

	/** Gives the import to a replica of its own and kills that replica once it has counted some batches. */
	private static String importKilledMidway(Suite.Replica replica, String region, String token) {
		Api direct = replica.api(token);
		Api.Response started = direct.send("POST", "/api/leads/imports", csv(region),
				Map.of("Content-Type", "text/csv"));
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		String id = started.field("id");
		await("some batches counted").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
			.until(() -> direct.get("/api/leads/imports/" + id).json().path("rowsRead").asInt() >= 1000);
		replica.process().kill();
		assertThat(suite.gateway(token).get("/api/leads/imports/" + id).json().path("status").asString())
			.as("killed mid-way, not after the end").isEqualTo("RUNNING");
		return id;
	}

	/**
	 * An admin's rebuild of the lead projection, run by a replica that rebuilds slowly (small batches, a pause
	 * between them) and is killed mid-way; the figures of the region are the same before and after.
	 */
	private static void rebuildKilledMidway(Suite.Replica replica, String region, String accountManager, int leads) {
		Api manager = suite.gateway(accountManager);
		String pack = "/api/reports/sales-meeting?region=" + region + "&period=" + YearMonth.now(ZoneOffset.UTC);
		await("the live projection counts every lead").atMost(Duration.ofSeconds(120))
			.until(() -> manager.get(pack).json().path("funnel").path("captured").asLong() == leads);
		JsonNode before = manager.get(pack).json();

		String admin = suite.token("admin.resume", "ADMIN", null, null);
		Api direct = replica.api(admin);
		Api.Response started = direct.post("/api/reports/rebuild", "{\"projection\":\"leads\"}");
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		String id = started.field("id");
		String progress = "/api/reports/rebuild/" + id;
		await("the rebuild under way").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
			.until(() -> direct.get(progress).json().path("eventsApplied").asLong() >= 1000);
		replica.process().kill();

		Api viaGateway = suite.gateway(admin);
		assertThat(viaGateway.get(progress).json().path("state").asString()).as("killed mid-way").isEqualTo("RUNNING");
		assertThat(manager.get(pack).json().path("funnel")).as("the live copy answers meanwhile")
			.isEqualTo(before.path("funnel"));
		await("the rebuild taken over and completed").atMost(Duration.ofSeconds(180))
			.until(() -> viaGateway.get(progress).json().path("state").asString().equals("COMPLETED"));
		assertThat(suite.process("reporting-service").logText()).contains("Rebuild " + id);
		JsonNode after = manager.get(pack).json();
		assertThat(after.path("funnel")).as("rebuilt = live").isEqualTo(before.path("funnel"));
		assertThat(after.path("targets")).isEqualTo(before.path("targets"));
	}

	/** {@value #ROWS} rows: every 20th repeats the e-mail of the row before it, every 100th has an unknown specialty. */
	private static String csv(String region) {
		StringBuilder csv = new StringBuilder("practiceName,specialty,source,city,country,email\n");
		for (int i = 1; i <= ROWS; i++) {
			int mail = (i % 20 == 0) ? i - 1 : i;
			String specialty = (i % 100 == 50) ? "DENTAL_MAGIC" : "ORTHODONTICS";
			csv.append("Resumed Practice ").append(i).append(',').append(specialty).append(",OUTBOUND,Denver,US,")
				.append("practice").append(mail).append('@').append(region.toLowerCase()).append(".example\n");
		}
		return csv.toString();
	}

	private static Set<String> leadsIn(String region) {
		try (MongoClient store = MongoClients.create(suite.storeConnectionString())) {
			Set<String> ids = new HashSet<>();
			store.getDatabase(Catalogue.database("lead-service")).getCollection("leads")
				.find(Filters.eq("region", region)).projection(Projections.include("_id"))
				.forEach((Document lead) -> ids.add(lead.getString("_id")));
			return ids;
		}
	}

	/** Lead id to the distinct ids of its LeadCaptured events. */
	private static Map<String, Set<String>> capturedEvents(List<Received> records, Set<String> leads) {
		Map<String, Set<String>> events = new HashMap<>();
		for (Received r : List.copyOf(records)) {
			String type = r.header("ce_type");
			if (leads.contains(r.key()) && type != null && type.contains("LeadCaptured")) {
				events.computeIfAbsent(r.key(), (k) -> new HashSet<>()).add(r.header("ce_id"));
			}
		}
		return events;
	}

}
