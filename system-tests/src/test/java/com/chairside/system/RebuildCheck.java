package com.chairside.system;

import java.time.Duration;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import com.chairside.launcher.Catalogue;
import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection rebuild through reporting-service's API, and the proof that the rebuilt copy is the one answering:
 * the same figures before and after say nothing when the old copy still answers, so the projection's pointer
 * ({@code projection_pointers} in its store, which every replica reads its copy from) must name the rebuild and the
 * collection the rebuild wrote ({@code <first copy>_<rebuild id>}).
 */
final class RebuildCheck {

	private RebuildCheck() {
	}

	/** Starts rebuilding {@code projection} as {@code admin}; the run's id (any answer but 202 fails). */
	static String start(Api admin, String projection) {
		Api.Response rebuild = admin.post("/api/reports/rebuild", "{\"projection\":\"" + projection + "\"}");
		assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
		String id = rebuild.field("id");
		assertThat(id).as(rebuild.toString()).isNotBlank();
		return id;
	}

	/** Waits until the run ended; whether it completed. */
	static boolean completed(Api admin, String run) {
		await("rebuild " + run).atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
			.until(() -> List.of("COMPLETED", "FAILED").contains(admin.get("/api/reports/rebuild/" + run).field("state")));
		return "COMPLETED".equals(admin.get("/api/reports/rebuild/" + run).field("state"));
	}

	/** Starts a rebuild of {@code projection}, asserts that it completes and that its copy answers from then on. */
	static String rebuildAndSwitch(Suite suite, Api admin, String projection) {
		String run = start(admin, projection);
		assertThat(completed(admin, run)).as("rebuild " + run + " of " + projection + " completed").isTrue();
		try (MongoClient store = com.mongodb.client.MongoClients.create(suite.storeConnectionString())) {
			assertAnswering(store, projection, run);
		}
		return run;
	}

	/** The pointer of {@code projection} names rebuild {@code run} and the copy it wrote. */
	static void assertAnswering(MongoClient store, String projection, String run) {
		Document pointer = store.getDatabase(Catalogue.database("reporting-service")).getCollection("projection_pointers")
			.find(Filters.eq("_id", projection)).first();
		assertThat(pointer).as("the pointer of projection " + projection + " after rebuild " + run).isNotNull();
		assertThat(pointer.getString("rebuildId")).as("the rebuild the " + projection + " projection answers from")
			.isEqualTo(run);
		assertThat(pointer.getString("collection")).as("the copy the " + projection + " projection answers from")
			.endsWith("_" + run);
	}

}
