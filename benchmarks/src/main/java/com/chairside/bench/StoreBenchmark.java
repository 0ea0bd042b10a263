package com.chairside.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import com.chairside.devstack.MongoStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.h2.mvstore.MVStore;

/**
 * The store alone, through the MongoDB sync driver over the wire, in this JVM (no services, no broker): inserts by
 * {@code _id} one at a time and by {@code insertMany} of 100, {@code find} by {@code _id}, {@code updateOne} by
 * {@code _id} with {@code $set} and {@code $inc}, and {@code findOneAndUpdate} by a unique indexed field (the
 * compare-and-set the services' versioned saves make), each with one client and with four at once. Backends: the H2
 * file as {@code MVStore.open} leaves it (the library's defaults), the H2 file as devstack opens it
 * ({@link MongoStore#openFile}), optionally a candidate ({@code -Dbench.storeSettings=cacheSize:64,autoCommitDelay:500},
 * MVStore's configuration keys), and the memory backend as a ceiling (it keeps nothing across a restart). The backends
 * run side by side, each on a new file, and take turns at each operation in an order rotated each round; the figures
 * are the medians of the rounds.
 */
final class StoreBenchmark implements Benchmark {

	/** The figure the ratio is taken of: the single-document update, one client. */
	private static final String HEADLINE = "updateOne by _id";

	private static final List<Integer> CLIENTS = List.of(1, 4);

	private static final int BATCH = 100;

	private static final String PAD = "x".repeat(300);

	@Override
	public String name() {
		return "store";
	}

	@Override
	public List<Result> run(Settings settings) throws Exception {
		int singles = Integer.getInteger("bench.storeInserts", settings.smoke() ? 100 : 6_000);
		int batched = Integer.getInteger("bench.storeBatched", settings.smoke() ? 600 : 12_000);
		long window = Integer.getInteger("bench.storeWindowMillis", settings.smoke() ? 100 : 2_000) * 1_000_000L;
		int rounds = settings.rounds();
		List<Backend> backends = backends();
		Path folder = Files.createTempDirectory("bench-store");
		String loadBefore = Machine.loadAverage();
		List<Running> running = new ArrayList<>();
		try {
			for (Backend backend : backends) {
				running.add(backend.start(folder));
			}
			if (!settings.smoke()) {
				// JIT warm-up: the first backend measured must not pay for the driver's and server's compilation
				measure(running, "warm-up", singles / 10, batched / 10, window / 5, 1);
			}
			List<Map<String, Object>> rows = measure(running, "measured", singles, batched, window, rounds);
			Map<String, Map<String, Stats>> rates = new LinkedHashMap<>();
			Map<String, Map<String, Stats>> micros = new LinkedHashMap<>();
			for (Map<String, Object> row : rows) {
				String figure = key((String) row.get("operation"), (Integer) row.get("clients"));
				rates.computeIfAbsent((String) row.get("backend"), (k) -> new LinkedHashMap<>())
					.computeIfAbsent(figure, (k) -> new Stats())
					.add((Double) row.get("perSecond"));
				micros.computeIfAbsent((String) row.get("backend"), (k) -> new LinkedHashMap<>())
					.computeIfAbsent(figure, (k) -> new Stats())
					.add((Double) row.get("microsPerOp"));
			}
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("documents", "%d inserted one at a time and %d in batches of %d for each client count, about %d bytes each"
				.formatted(singles, batched, BATCH, document(0).toJson().length()));
			details.put("loadAverage", loadBefore + " at start, " + Machine.loadAverage() + " at end");
			backends.forEach((backend) -> details.put(backend.name(), backend.describe()));
			details.put("figures", table(backends, rates, micros));
			String tuned = backends.stream().anyMatch((b) -> b.name().equals("candidate")) ? "candidate" : "devstack";
			String headline = key(HEADLINE, 1);
			return List.of(Result.of(name(), rates.get(tuned).get(headline), rates.get("library-default").get(headline),
					"updateOne by _id/s, 1 client", null, true, rows, details,
					"The store alone over the wire (this JVM, no services): " + tuned + "'s H2 settings against the "
							+ "library's defaults, single-document updateOne by _id ($set and $inc), one client. "
							+ "Every operation, client count and backend (the memory backend a ceiling, not "
							+ "durable) in the figures table: medians of the rounds, per second and microseconds per "
							+ "operation (insertMany: per document). The backends run side by side and take turns "
							+ "at each operation, round after round, so that the machine's load falls on all alike."));
		}
		finally {
			for (Running store : running) {
				store.close();
			}
			try (Stream<Path> files = Files.walk(folder)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	private static List<Map<String, Object>> table(List<Backend> backends, Map<String, Map<String, Stats>> rates,
			Map<String, Map<String, Stats>> micros) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String figure : rates.get(backends.get(0).name()).keySet()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("operation", figure);
			for (Backend backend : backends) {
				Stats rate = rates.get(backend.name()).get(figure);
				row.put(backend.name() + " /s", Result.round(rate.median()) + " (" + Result.round(rate.min()) + "–"
						+ Result.round(rate.max()) + ")");
				row.put(backend.name() + " µs/op", Result.round(micros.get(backend.name()).get(figure).median()));
			}
			rows.add(row);
		}
		return rows;
	}

	private static List<Backend> backends() {
		List<Backend> backends = new ArrayList<>();
		backends.add(new Backend("library-default", (file) -> MVStore.open(file.toString())));
		backends.add(new Backend("devstack", MongoStore::openFile));
		String candidate = System.getProperty("bench.storeSettings");
		if (candidate != null && !candidate.isBlank()) {
			backends.add(new Backend("candidate",
					(file) -> MVStore.Builder.fromString(candidate + ",fileName:" + file).open()));
		}
		backends.add(new Backend("memory", null));
		return backends;
	}

	/**
	 * For each client count and operation, {@code rounds} turns of every backend (in an order rotated each round):
	 * the inserts add {@code 1/rounds} of their documents a turn, the reads and updates run {@code window} nanoseconds
	 * a turn over all of them. One row per turn.
	 */
	private static List<Map<String, Object>> measure(List<Running> stores, String collection, int singles, int batched,
			long window, int rounds) throws Exception {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int clients : CLIENTS) {
			String name = collection + "-" + clients;
			ExecutorService pool = Executors.newFixedThreadPool(clients);
			try {
				int perRound = singles / rounds / clients * clients;
				int batchesPerRound = batched / BATCH / rounds / clients * clients;
				int total = perRound * rounds + batchesPerRound * rounds * BATCH;
				List<Step> steps = List.of(
						(documents, round) -> fixed(pool, clients, "insertOne", perRound, (c, i) -> {
							documents.insertOne(document((round - 1) * perRound + i * clients + c));
							return 1;
						}),
						(documents, round) -> fixed(pool, clients, "insertMany " + BATCH + " (per document)",
								batchesPerRound, (c, i) -> {
									List<Document> batch = new ArrayList<>(BATCH);
									int first = perRound * rounds + ((round - 1) * batchesPerRound + i * clients + c) * BATCH;
									for (int d = 0; d < BATCH; d++) {
										batch.add(document(first + d));
									}
									documents.insertMany(batch);
									return BATCH;
								}),
						(documents, round) -> timed(pool, clients, "find by _id", window,
								() -> documents.find(Filters.eq("_id", id(random(total)))).first()),
						(documents, round) -> timed(pool, clients, HEADLINE, window,
								() -> documents.updateOne(Filters.eq("_id", id(random(total))),
										Updates.combine(Updates.set("status", "CHANGED"), Updates.inc("version", 1)))),
						(documents, round) -> timed(pool, clients, "findOneAndUpdate by unique key", window,
								() -> documents.findOneAndUpdate(Filters.eq("key", key(random(total))),
										Updates.combine(Updates.set("status", "CLAIMED"), Updates.inc("version", 1)))));
				for (Running store : stores) {
					store.collection(name).createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
				}
				for (Step step : steps) {
					for (int round = 1; round <= rounds; round++) {
						Map<String, Object> progress = new LinkedHashMap<>();
						for (int i = 0; i < stores.size(); i++) {
							Running store = stores.get((i + round - 1) % stores.size());
							Figure figure = step.run(store.collection(name), round);
							Map<String, Object> row = new LinkedHashMap<>();
							row.put("round", round);
							row.put("backend", store.name());
							row.put("operation", figure.operation());
							row.put("clients", clients);
							row.put("perSecond", Result.round(figure.perSecond()));
							row.put("microsPerOp", Result.round(figure.microsPerOp()));
							rows.add(row);
							progress.put(store.name(), Math.round(figure.perSecond()) + "/s");
							progress.put("operation", key(figure.operation(), clients));
						}
						if (collection.equals("measured")) {
							Report.progress("store", round, progress);
						}
					}
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
		return rows;
	}

	/** {@code count} operations shared by the clients; per second and per operation count the documents. */
	private static Figure fixed(ExecutorService pool, int clients, String operation, int count, Operation work)
			throws Exception {
		List<Future<long[]>> done = new ArrayList<>();
		long started = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			int client = c;
			done.add(pool.submit(() -> {
				long ops = 0;
				long busy = System.nanoTime();
				for (int i = 0; i < count / clients; i++) {
					ops += work.run(client, i);
				}
				return new long[] { ops, System.nanoTime() - busy };
			}));
		}
		return figure(operation, done, started);
	}

	/** As many operations as the clients make in {@code window} nanoseconds. */
	private static Figure timed(ExecutorService pool, int clients, String operation, long window, Runnable work)
			throws Exception {
		List<Future<long[]>> done = new ArrayList<>();
		long started = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			done.add(pool.submit(() -> {
				long ops = 0;
				long busy = System.nanoTime();
				while (System.nanoTime() - started < window) {
					work.run();
					ops++;
				}
				return new long[] { ops, System.nanoTime() - busy };
			}));
		}
		return figure(operation, done, started);
	}

	private static Figure figure(String operation, List<Future<long[]>> done, long started)
			throws Exception {
		long ops = 0;
		long busy = 0;
		for (Future<long[]> client : done) {
			long[] figures = client.get();
			ops += figures[0];
			busy += figures[1];
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		return new Figure(operation, ops / seconds, busy / 1e3 / ops);
	}

	private static int random(int bound) {
		return ThreadLocalRandom.current().nextInt(bound);
	}

	private static String id(int n) {
		return "doc-%08d".formatted(n);
	}

	private static String key(int n) {
		return "key-%08d".formatted(n);
	}

	/** About the size of an order: a few fields, five lines, a note. */
	private static Document document(int n) {
		List<Document> lines = new ArrayList<>();
		for (int line = 0; line < 5; line++) {
			lines.add(new Document("sku", "SKU-" + line).append("quantity", line + 1).append("price", 12.5 * line));
		}
		return new Document("_id", id(n)).append("key", key(n))
			.append("version", 0)
			.append("status", "OPEN")
			.append("region", "NORTH")
			.append("lines", lines)
			.append("note", PAD);
	}

	private static String key(String operation, int clients) {
		return operation + ", " + clients + (clients == 1 ? " client" : " clients");
	}

	private interface Operation {

		/** Returns the documents it wrote. */
		int run(int client, int index);

	}

	private interface Step {

		Figure run(MongoCollection<Document> documents, int round) throws Exception;

	}

	/** A backend's server and its client. */
	private record Running(String name, MongoStore store, MongoClient client) implements AutoCloseable {

		MongoCollection<Document> collection(String name) {
			return this.client.getDatabase("bench-store").getCollection(name);
		}

		@Override
		public void close() {
			this.client.close();
			this.store.close();
		}

	}

	private interface FileStore {

		MVStore open(Path file);

	}

	/** One backend: an H2 file opened by {@code store}, or the memory backend when that is null. */
	private record Backend(String name, FileStore store) {

		Running start(Path folder) {
			MongoStore started = (this.store == null) ? MongoStore.on(new MemoryBackend(), 0)
					: MongoStore.on(new H2Backend(this.store.open(folder.resolve(this.name + ".mv"))), 0);
			return new Running(this.name, started, MongoClients.create(started.connectionString()));
		}

		String describe() {
			if (this.store == null) {
				return "mongo-java-server's memory backend (nothing survives a restart)";
			}
			MVStore probe = this.store.open(Path.of(System.getProperty("java.io.tmpdir"), "bench-store-probe-" + System.nanoTime() + ".mv"));
			try {
				return "H2 MVStore file: cache %d MB, commits every %d ms or at %d KB unsaved".formatted(
						probe.getCacheSize(), probe.getAutoCommitDelay(), probe.getAutoCommitMemory() / 1024);
			}
			finally {
				String name = probe.getFileStore().getFileName();
				probe.close();
				Path.of(name).toFile().delete();
			}
		}

	}

	private record Figure(String operation, double perSecond, double microsPerOp) {

	}

}
