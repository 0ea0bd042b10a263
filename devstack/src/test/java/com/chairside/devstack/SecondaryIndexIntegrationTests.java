package com.chairside.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import com.mongodb.MongoWriteException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stores with indexes ({@link SecondaryIndex} in memory, {@link H2SecondaryIndex} on H2) answer every query exactly
 * as the library's same store without them (which reads the whole collection each time), through the MongoDB driver, over documents shaped to catch an index's mistakes: numbers
 * stored as int, long and double, arrays, nested fields, missing and null fields; before and after updates move
 * documents between values and deletes free positions the store reuses. And it does serve them: the index hands the
 * store only the documents holding the asked value.
 */
class SecondaryIndexIntegrationTests {

	private static final long NOW = 1_796_600_000_000L;

	private static final String[] STATUSES = { "NEW", "QUALIFIED", "CONVERTED", "LOST", "DORMANT" };

	/** Values of every kind in one field: the H2 index orders its keys, which MVStore cannot do across kinds. */
	private static final List<Object> MIXED = List.of("NEW", new Date(NOW), new org.bson.types.ObjectId("64b7f0c2a1b2c3d4e5f60718"),
			Long.MAX_VALUE, 42, 2.5, true, new Date(NOW + 1));

	private static final IndexedMemoryBackend INDEXED = new IndexedMemoryBackend();

	private static final IndexedH2Backend INDEXED_H2 = new IndexedH2Backend(new MVStore.Builder().open());

	private static final List<MongoStore> stores = new ArrayList<>();

	private static final List<MongoClient> clients = new ArrayList<>();

	/** Each store with indexes beside the library's same store without: in memory, and on H2. */
	private static final List<Pair> pairs = new ArrayList<>();

	@BeforeAll
	static void fillBoth() {
		pairs.add(new Pair("in memory", leads(INDEXED), leads(new MemoryBackend())));
		pairs.add(new Pair("on H2", leads(INDEXED_H2), leads(H2Backend.inMemory())));
		Random random = new Random(20261207L);
		List<Document> documents = new ArrayList<>();
		for (int i = 0; i < 1500; i++) {
			documents.add(lead(i, random));
		}
		eachCollection((leads) -> leads.insertMany(documents.stream().map(Document::new).toList()));
	}

	private static MongoCollection<Document> leads(MongoBackend backend) {
		MongoStore store = MongoStore.on(backend, 0);
		MongoClient client = MongoClients.create(store.connectionString());
		stores.add(store);
		clients.add(client);
		MongoCollection<Document> leads = client.getDatabase("shop").getCollection("leads");
		createIndexes(leads);
		return leads;
	}

	private static void createIndexes(MongoCollection<Document> leads) {
		leads.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
		leads.createIndex(Indexes.ascending("status"));
		leads.createIndex(Indexes.ascending("rank", "status"));
		leads.createIndex(Indexes.ascending("tags"));
		leads.createIndex(Indexes.ascending("owner.region"), new IndexOptions().sparse(true));
		leads.createIndex(Indexes.ascending("pendingEvents.0"),
				new IndexOptions().partialFilterExpression(Filters.exists("pendingEvents.0")));
		leads.createIndex(Indexes.ascending("mixed"));
	}

	private static void eachCollection(java.util.function.Consumer<MongoCollection<Document>> change) {
		pairs.forEach((pair) -> {
			change.accept(pair.indexed());
			change.accept(pair.plain());
		});
	}

	@AfterAll
	static void stop() {
		clients.forEach(MongoClient::close);
		stores.forEach(MongoStore::close);
	}

	@Test
	void answersEveryQueryAsAFullScanDoesBeforeAndAfterChanges() {
		assertSameAnswers();
		Random random = new Random(7L);
		for (int i = 0; i < 300; i++) {
			int number = random.nextInt(1500);
			Bson change = switch (i % 4) {
				case 0 -> Updates.set("status", STATUSES[random.nextInt(STATUSES.length)]);
				case 1 -> Updates.set("tags", List.of("t" + random.nextInt(6), "t" + random.nextInt(6)));
				case 2 -> (random.nextBoolean()) ? Updates.unset("status") : Updates.popFirst("pendingEvents");
				default -> Updates.set("rank", (random.nextBoolean()) ? (Object) 2L : (Object) 2.0);
			};
			// a conditional write: by the unique field and a condition besides
			Bson which = (i % 3 == 0) ? Filters.and(Filters.eq("number", number), Filters.ne("status", "LOST"))
					: Filters.eq("number", number);
			for (Pair pair : pairs) {
				assertThat(pair.indexed().updateOne(which, change).getMatchedCount()).as(pair.name())
					.isEqualTo(pair.plain().updateOne(which, change).getMatchedCount());
			}
		}
		for (String status : List.of("LOST", "DORMANT")) {
			eachCollection((leads) -> leads.deleteMany(Filters.eq("status", status)));
		}
		// new documents take the positions the deletes freed
		Random more = new Random(11L);
		for (int i = 1500; i < 1700; i++) {
			Document lead = lead(i, more);
			eachCollection((leads) -> leads.insertOne(new Document(lead)));
		}
		assertSameAnswers();
		eachCollection((leads) -> leads.updateMany(Filters.eq("status", "NEW"), Updates.set("status", "QUALIFIED")));
		pairs.forEach((pair) -> assertThat(pair.indexed().countDocuments(Filters.eq("status", "NEW"))).isZero());
		assertSameAnswers();
	}

	@Test
	void handsTheStoreOnlyTheDocumentsHoldingTheAskedValue() {
		MongoCollection<Document> inMemory = pairs.get(0).indexed();
		Index<?> status = index(INDEXED, "status_1");
		assertThat(status).isInstanceOf(SecondaryIndex.class);
		assertThat(index(INDEXED_H2, "status_1")).isInstanceOf(H2SecondaryIndex.class);
		de.bwaldvogel.mongo.bson.Document query = new de.bwaldvogel.mongo.bson.Document("status", "CONVERTED");
		for (MongoBackend backend : List.of(INDEXED, INDEXED_H2)) {
			Index<?> byStatus = index(backend, "status_1");
			assertThat(byStatus.canHandle(query)).isTrue();
			assertThat(count(byStatus.getPositions(query))).as("only the documents with that status")
				.isEqualTo(inMemory.countDocuments(Filters.eq("status", "CONVERTED")))
				.isLessThan(inMemory.countDocuments() / 2);
			assertThat(byStatus.canHandle(new de.bwaldvogel.mongo.bson.Document("status",
					new de.bwaldvogel.mongo.bson.Document("$ne", "LOST")))).as("$ne is the full scan's").isFalse();
			assertThat(byStatus.canHandle(new de.bwaldvogel.mongo.bson.Document("rank", 1))).isFalse();
			Index<?> number = index(backend, "number_1");
			assertThat(number.canHandle(new de.bwaldvogel.mongo.bson.Document("number", 5).append("status", "NEW")))
				.as("a unique field and a condition besides").isTrue();
			Index<?> pending = index(backend, "pendingEvents.0_1");
			de.bwaldvogel.mongo.bson.Document sweep = new de.bwaldvogel.mongo.bson.Document("$and", List.of(
					new de.bwaldvogel.mongo.bson.Document("pendingEvents.0", new de.bwaldvogel.mongo.bson.Document("$exists", true)),
					new de.bwaldvogel.mongo.bson.Document("$or", List.of(new de.bwaldvogel.mongo.bson.Document("lease", 1)))));
			assertThat(pending.canHandle(sweep)).as("the outbox sweep's shape").isTrue();
			assertThat(count(pending.getPositions(sweep))).as("only the documents with a pending event")
				.isEqualTo(inMemory.countDocuments(Filters.exists("pendingEvents.0")));
		}
		de.bwaldvogel.mongo.bson.Document everyRank = new de.bwaldvogel.mongo.bson.Document("rank",
				new de.bwaldvogel.mongo.bson.Document("$gte", 0));
		assertThat(index(INDEXED_H2, "rank_1_status_1").canHandle(everyRank))
			.as("on H2, a range that every document holds is the scan's, which reads the file in order").isFalse();
	}

	/**
	 * On a file, the indexes are refilled from the collections when the store opens it again: after a restart they
	 * answer as before, and a collection dropped and created anew gets no entries of its predecessor.
	 */
	@Test
	void anIndexOnFileIsRefilledWhenTheStoreOpensTheFileAgain(@TempDir Path folder) {
		Path file = folder.resolve("store.mv");
		Random random = new Random(3L);
		List<Document> leads = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			leads.add(lead(i, random));
		}
		try (MongoStore store = MongoStore.onFile(file, 0);
				MongoClient client = MongoClients.create(store.connectionString())) {
			MongoCollection<Document> kept = client.getDatabase("shop").getCollection("leads");
			createIndexes(kept);
			kept.insertMany(leads.stream().map(Document::new).toList());
			MongoCollection<Document> dropped = client.getDatabase("shop").getCollection("imports");
			createIndexes(dropped);
			dropped.insertMany(leads.stream().map(Document::new).toList());
			dropped.drop();
			createIndexes(dropped);
			dropped.insertOne(new Document("number", 1000).append("status", "NEW"));
		}
		try (MongoStore store = MongoStore.onFile(file, 0);
				MongoClient client = MongoClients.create(store.connectionString())) {
			MongoCollection<Document> kept = client.getDatabase("shop").getCollection("leads");
			assertThat(kept.countDocuments(Filters.eq("status", "NEW"))).isPositive()
				.isEqualTo(leads.stream().filter((lead) -> "NEW".equals(lead.get("status"))).count());
			assertThat(kept.countDocuments(Filters.exists("pendingEvents.0"))).isPositive()
				.isEqualTo(leads.stream().filter((lead) -> lead.get("pendingEvents") instanceof List<?> events
						&& !events.isEmpty()).count());
			assertThat(ids(client.getDatabase("shop").getCollection("imports"), Filters.eq("status", "NEW"),
					Function.identity())).containsExactly(1000);
		}
	}

	/**
	 * A service that starts again asks for its indexes again: the indexes on file keep answering, unique and not, and
	 * still refuse a taken key; a collection dropped and made anew in the same run answers with its own documents only.
	 */
	@Test
	void indexesAskedForAgainKeepAnsweringOnFile(@TempDir Path folder) {
		Random random = new Random(9L);
		List<Document> leads = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			leads.add(lead(i, random));
		}
		try (MongoStore store = MongoStore.onFile(folder.resolve("store.mv"), 0);
				MongoClient client = MongoClients.create(store.connectionString())) {
			MongoCollection<Document> kept = client.getDatabase("shop").getCollection("leads");
			createIndexes(kept);
			kept.insertMany(leads.stream().map(Document::new).toList());
			createIndexes(kept);
			long withStatusNew = leads.stream().filter((lead) -> "NEW".equals(lead.get("status"))).count();
			assertThat(kept.countDocuments(Filters.eq("status", "NEW"))).isPositive().isEqualTo(withStatusNew);
			assertThat(ids(kept, Filters.eq("number", 17), Function.identity())).containsExactly(17);
			assertThatThrownBy(() -> kept.insertOne(new Document("number", 17)))
				.isInstanceOfSatisfying(MongoWriteException.class, (ex) -> assertThat(ex.getCode()).isEqualTo(11000));
			kept.drop();
			createIndexes(kept);
			kept.insertOne(new Document("number", 17).append("status", "NEW"));
			assertThat(ids(kept, Filters.eq("status", "NEW"), Function.identity())).containsExactly(17);
			assertThat(ids(kept, Filters.eq("number", 17), Function.identity())).containsExactly(17);
		}
	}

	private static Index<?> index(MongoBackend backend, String name) {
		return backend.resolveDatabase("shop")
			.resolveCollection("leads", true)
			.getIndexes()
			.stream()
			.filter((index) -> index.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private static long count(Iterable<?> positions) {
		long n = 0;
		for (Object ignored : positions) {
			n++;
		}
		return n;
	}

	private static void assertSameAnswers() {
		List<Bson> queries = new ArrayList<>();
		for (String status : STATUSES) {
			queries.add(Filters.eq("status", status));
			queries.add(Filters.and(Filters.eq("status", status), Filters.gt("number", 700)));
		}
		queries.add(Filters.in("status", "NEW", "LOST"));
		queries.add(Filters.eq("status", null));
		queries.add(Filters.exists("status", false));
		queries.add(Filters.regex("status", "^CON"));
		for (Object rank : List.of(1, 2L, 2.0, 3, -0.0, 0)) {
			queries.add(Filters.eq("rank", rank));
			queries.add(Filters.and(Filters.eq("rank", rank), Filters.eq("status", "QUALIFIED")));
		}
		queries.add(Filters.in("rank", 1, 3L));
		for (int tag = 0; tag < 6; tag++) {
			queries.add(Filters.eq("tags", "t" + tag));
		}
		queries.add(Filters.eq("tags", List.of("t1", "t2")));
		queries.add(Filters.eq("owner.region", "WEST"));
		queries.add(Filters.eq("owner.region", "NORTHEAST"));
		queries.add(Filters.eq("owner", new Document("region", "WEST")));
		queries.add(Filters.exists("pendingEvents.0"));
		queries.add(Filters.and(Filters.exists("pendingEvents.0"), Filters.or(
				Filters.lt("pendingEvents.0.time", new Date(NOW - 30_000)), Filters.exists("lease", false))));
		queries.add(Filters.exists("pendingEvents.0", false));
		queries.add(Filters.gt("rank", 1));
		queries.add(Filters.and(Filters.gte("rank", 1), Filters.lt("rank", 3)));
		queries.add(Filters.and(Filters.gt("rank", 0), Filters.eq("status", "LOST")));
		queries.add(Filters.ne("status", "LOST"));
		queries.add(Filters.lt("tags", "t3"));
		for (int number : List.of(3, 700, 1499, 1650)) {
			queries.add(Filters.and(Filters.eq("number", number), Filters.eq("status", "QUALIFIED")));
			queries.add(Filters.and(Filters.eq("number", number), Filters.exists("pendingEvents.0")));
			queries.add(Filters.and(Filters.in("number", number, number + 1), Filters.ne("rank", 2)));
		}
		queries.add(Filters.and(Filters.gt("number", 1400), Filters.eq("rank", 1)));
		// one field in a list, which the collection matches by a set
		queries.add(Filters.in("number", java.util.stream.IntStream.range(0, 1700).filter((n) -> n % 7 == 0).boxed().toList()));
		queries.add(Filters.in("tags", "t1", "t4"));
		queries.add(Filters.in("rank", 1, 2L, -0.0));
		queries.add(Filters.in("owner.region", "WEST"));
		queries.add(Filters.in("status", "NEW", null));
		queries.add(Filters.in("tags", List.of("t1", "t2"), "t5"));
		for (Object mixed : MIXED) {
			queries.add(Filters.eq("mixed", mixed));
		}
		queries.add(Filters.in("mixed", MIXED.get(0), MIXED.get(2), MIXED.get(4)));
		for (Pair pair : pairs) {
			for (Bson query : queries) {
				assertThat(ids(pair.indexed(), query, Function.identity())).as(pair.name() + ", in natural order: " + query)
					.isEqualTo(ids(pair.plain(), query, Function.identity()));
				Function<FindIterable<Document>, FindIterable<Document>> sortedAndLimited = (found) -> found
					.sort(Sorts.descending("number")).skip(3).limit(20);
				assertThat(ids(pair.indexed(), query, sortedAndLimited)).as(pair.name() + ", sorted, skipped, limited: " + query)
					.isEqualTo(ids(pair.plain(), query, sortedAndLimited));
				assertThat(pair.indexed().countDocuments(query)).as(pair.name() + ": " + query)
					.isEqualTo(pair.plain().countDocuments(query));
			}
		}
	}

	private static List<Integer> ids(MongoCollection<Document> leads, Bson query,
			Function<FindIterable<Document>, FindIterable<Document>> shaped) {
		List<Integer> numbers = new ArrayList<>();
		shaped.apply(leads.find(query)).forEach((lead) -> numbers.add(lead.getInteger("number")));
		return numbers;
	}

	/** A lead with the fields an index can get wrong: mixed number types, arrays, nested, missing and null. */
	private static Document lead(int number, Random random) {
		Document lead = new Document("number", number);
		switch (random.nextInt(7)) {
			case 0 -> lead.append("status", null);
			case 1 -> { } // no status at all
			default -> lead.append("status", STATUSES[random.nextInt(STATUSES.length)]);
		}
		lead.append("rank", switch (random.nextInt(4)) {
			case 0 -> random.nextInt(4);
			case 1 -> (long) random.nextInt(4);
			case 2 -> (double) random.nextInt(4);
			default -> -0.0;
		});
		if (random.nextBoolean()) {
			List<Object> tags = new ArrayList<>();
			for (int t = random.nextInt(3); t >= 0; t--) {
				tags.add("t" + random.nextInt(6));
			}
			if (random.nextInt(20) == 0) {
				tags.add(List.of("t1", "t2")); // an array inside the array: the index cannot file it
			}
			lead.append("tags", tags);
		}
		else if (random.nextInt(3) == 0) {
			lead.append("tags", "t" + random.nextInt(6));
		}
		List<Document> pending = new ArrayList<>();
		for (int e = random.nextInt(4) - 1; e > 0; e--) {
			pending.add(new Document("time", new Date(NOW - random.nextInt(60_000))));
		}
		if (random.nextInt(3) > 0) {
			lead.append("pendingEvents", pending); // an empty list holds no event
		}
		if (random.nextInt(5) == 0) {
			lead.append("lease", new Date(NOW));
		}
		switch (random.nextInt(10)) {
			case 0 -> lead.append("mixed", java.util.Arrays.asList(MIXED.get(random.nextInt(MIXED.size())), null));
			case 1 -> { } // none
			default -> lead.append("mixed", MIXED.get(random.nextInt(MIXED.size())));
		}
		if (random.nextInt(4) > 0) {
			lead.append("owner", (random.nextInt(5) == 0) ? List.of(new Document("region", "WEST"), new Document("region", "EAST"))
					: new Document("region", (random.nextBoolean()) ? "WEST" : "NORTHEAST"));
		}
		return lead;
	}

	private record Pair(String name, MongoCollection<Document> indexed, MongoCollection<Document> plain) {
	}

}
