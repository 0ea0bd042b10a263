package com.chairside.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark 2, projection rebuild: reporting-service rebuilds every projection from its topics
 * ({@code POST /api/reports/rebuild {"projection":"all"}} → 202 {@code {"id":...}}, then
 * {@code GET /api/reports/rebuild/{id}} until {@code COMPLETED}, as an admin) over a generated history, against bulk
 * inserts ({@code insertMany}, 1,000 a batch) of as many documents of the events' size and shape into the same store.
 * Its live consumers are moved to the topics' end first, so that the rebuild is all the service does.
 */
final class ProjectionRebuildBenchmark implements Benchmark {

	private static final String SERVICE = "reporting-service";

	private static final List<String> TOPICS = List.of(Events.LEADS, Events.ORDERS, "chairside.accounts", "chairside.targets");

	/**
	 * The store's heap here (bin/chairside gives it 256m): it holds a million event-sized documents of the baseline
	 * and the half million the rebuild makes; -Dbench.heap.mongodb=... to try another.
	 */
	private static final String STORE_HEAP = System.getProperty("bench.heap.mongodb", "1g");

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public String name() {
		return "projection-rebuild";
	}

	@Override
	public List<Result> run(Settings settings) throws Exception {
		Stats suite = new Stats();
		Stats baseline = new Stats();
		List<Map<String, Object>> rounds = new ArrayList<>();
		try (Stack stack = Stack.start(settings.root(), settings.logs(), List.of(SERVICE), false, Map.of(),
				Map.of("mongodb", STORE_HEAP));
				Admin admin = stack.admin();
				MongoClient mongo = MongoClients.create(stack.mongoUri())) {
			String token = stack.token("admin", "ADMIN", null, null);
			probeRebuild(stack, token);
			publishHistory(stack, admin, settings.rebuildEvents());

			MongoCollection<Document> plain = mongo.getDatabase("bench-plain-reporting").getCollection("events");
			for (int round = 1; round <= settings.rounds(); round++) {
				double plainRate = settings.rebuildEvents() / bulkInsert(plain, settings.rebuildEvents());
				baseline.add(plainRate);
				long started = System.nanoTime();
				JsonNode done = awaitRebuild(stack, token, id(startRebuild(stack, token)));
				double seconds = (System.nanoTime() - started) / 1e9;
				double rebuildRate = settings.rebuildEvents() / seconds;
				suite.add(rebuildRate);
				Map<String, Object> figures = figures(round, plainRate, rebuildRate, done);
				rounds.add(figures);
				Report.progress(name(), round, figures);
			}
		}
		return List.of(Result.of(name(), suite, baseline, "events/s", 0.6, true, rounds,
				Map.of("events", settings.rebuildEvents(), "storeHeap", STORE_HEAP),
				"Rebuild of all projections through reporting-service's API (start to COMPLETED, the switch-over "
						+ "included) against insertMany of as many event-sized documents; both on the H2-backed store, "
						+ "which runs with -Xmx" + STORE_HEAP + " here (256m in bin/chairside) to hold them."));
	}

	/** A rebuild of the empty projections, before the history: the API must accept it and see it through. */
	private void probeRebuild(Stack stack, String token) throws Exception {
		HttpResponse<String> probe = startRebuild(stack, token);
		if (probe.statusCode() != 202) {
			// the rebuild API is part of reporting-service's contract: any other answer is a failed rebuild
			throw new IllegalStateException("reporting-service answered " + probe.statusCode()
					+ " to POST /api/reports/rebuild: " + probe.body());
		}
		awaitRebuild(stack, token, id(probe));
	}

	/**
	 * Publishes the history while the service is stopped and moves its live consumers past it, so that the rebuilds
	 * are all it does with the events.
	 */
	private static void publishHistory(Stack stack, Admin admin, int count) throws Exception {
		stack.stop(SERVICE);
		Events events = new Events(2);
		try (Producer<String, byte[]> producer = Events.producer(stack.kafkaBootstrap())) {
			events.publishHistory(producer, count);
		}
		for (String topic : TOPICS) {
			if (admin.listTopics().names().get().contains(topic)) {
				Offsets.skipToEnd(admin, SERVICE, topic);
			}
		}
		stack.restart(SERVICE);
	}

	private static Map<String, Object> figures(int round, double plainRate, double rebuildRate, JsonNode done) {
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("round", round);
		figures.put("baseline", Result.round(plainRate));
		figures.put("suite", Result.round(rebuildRate));
		figures.put("eventsApplied", done.path("eventsApplied").asLong());
		figures.put("loadAverage", Machine.loadAverage());
		return figures;
	}

	/** Inserts {@code count} event-shaped documents in batches of 1,000 into an emptied collection; returns seconds. */
	private static double bulkInsert(MongoCollection<Document> collection, int count) {
		collection.drop();
		Events events = new Events(3);
		long inserting = 0;
		for (int done = 0; done < count; done += 1000) {
			List<Document> batch = new ArrayList<>(1000);
			for (int i = done; i < Math.min(count, done + 1000); i++) {
				ProducerRecord<String, byte[]> event = events.orderChanged("order-" + (i / 4), i);
				batch.add(Document.parse(new String(event.value(), java.nio.charset.StandardCharsets.UTF_8)));
			}
			long started = System.nanoTime();
			collection.insertMany(batch);
			inserting += System.nanoTime() - started;
		}
		return inserting / 1e9;
	}

	private static HttpResponse<String> startRebuild(Stack stack, String token) throws Exception {
		return HTTP.send(OpenLoad.request(stack.url(SERVICE) + "/api/reports/rebuild", token)
			.POST(HttpRequest.BodyPublishers.ofString("{\"projection\":\"all\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String id(HttpResponse<String> accepted) {
		return this.json.readTree(accepted.body()).path("id").asString();
	}

	private JsonNode awaitRebuild(Stack stack, String token, String id) throws Exception {
		long deadline = System.nanoTime() + Duration.ofHours(1).toNanos();
		while (System.nanoTime() < deadline) {
			HttpResponse<String> status = HTTP.send(OpenLoad.request(stack.url(SERVICE) + "/api/reports/rebuild/" + id, token)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode body = this.json.readTree(status.body());
			String state = body.path("state").asString();
			if (state.equals("COMPLETED")) {
				return body;
			}
			if (state.equals("FAILED") || status.statusCode() != 200) {
				throw new IllegalStateException("Rebuild " + id + " answered " + status.statusCode() + ": " + status.body());
			}
			Stack.pause(Duration.ofMillis(200));
		}
		throw new IllegalStateException("Rebuild " + id + " did not complete within an hour");
	}

}
