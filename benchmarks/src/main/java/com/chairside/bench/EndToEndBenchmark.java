package com.chairside.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import com.chairside.launcher.Catalogue;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.HdrHistogram.Histogram;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * Benchmark 4, end to end, and benchmark 5, footprint, on the same processes (the whole suite, as bin/chairside up
 * runs it). End to end: orders changed at a fixed rate through order-service's API (PATCH /api/orders/{id}), each
 * change timed from its event's time (stamped in order-service's transaction, kept as the notification's
 * occurredAt) to the moment notification-service stored the last department's notification (createdAt); against
 * {@link RoundTrip}, raw kafka-clients produce→consume at the same rate on the same broker and topic settings. Rounds
 * interleaved. Footprint: each process's start-up, its resident memory idle and its peak under the end-to-end load.
 */
final class EndToEndBenchmark implements Benchmark {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final boolean endToEnd;

	private final boolean footprint;

	EndToEndBenchmark(boolean endToEnd, boolean footprint) {
		this.endToEnd = endToEnd;
		this.footprint = footprint;
	}

	@Override
	public String name() {
		return this.endToEnd ? "end-to-end" : "footprint";
	}

	@Override
	public List<Result> run(Settings settings) throws Exception {
		Stats suite = new Stats();
		Stats baseline = new Stats();
		List<Map<String, Object>> rounds = new ArrayList<>();
		Memory memory;
		try (Stack stack = Stack.start(settings.root(), settings.logs(), services(settings), !settings.smoke(), Map.of());
				MongoClient mongo = MongoClients.create(stack.mongoUri());
				RoundTrip roundTrip = new RoundTrip(stack)) {
			OrderChanges changes = prepare(stack, mongo, settings);
			memory = changes.memory();
			int measured = this.endToEnd ? settings.rounds() : 1;
			for (int round = 1; round <= measured; round++) {
				Map<String, Object> figures = new LinkedHashMap<>();
				figures.put("round", round);
				if (this.endToEnd) {
					baseline.add(roundTrip(roundTrip, settings, figures));
				}
				suite.add(changes.measure(settings, figures));
				rounds.add(figures);
				Report.progress(name(), round, figures);
			}
		}
		List<Result> results = new ArrayList<>();
		if (this.endToEnd) {
			results.add(endToEndResult(settings, suite, baseline, rounds));
		}
		if (this.footprint) {
			results.add(memory.result(settings));
		}
		return results;
	}

	/**
	 * A full run starts the whole suite, as bin/chairside up does, so that footprint covers every process; a smoke run
	 * only what the order changes cross.
	 */
	private static List<String> services(Settings settings) {
		return settings.smoke() ? List.of("account-service", "order-service", "notification-service") : Stack.SERVICES;
	}

	/**
	 * Places the orders the rounds change, lets the processes settle and samples their idle memory, which thus
	 * includes the orders.
	 */
	private OrderChanges prepare(Stack stack, MongoClient mongo, Settings settings) throws Exception {
		Memory memory = new Memory(stack);
		String token = stack.token("am.northwest", "ACCOUNT_MANAGER", "NORTHWEST", null);
		List<String> orders = placeOrders(stack, token, settings.changeRate() * 5);
		Stack.pause(Duration.ofSeconds(settings.smoke() ? 1 : 10));
		memory.sampleIdle();
		MongoCollection<Document> notifications = mongo.getDatabase(Catalogue.database("notification-service"))
			.getCollection("notifications");
		return new OrderChanges(stack, token, orders, notifications, memory);
	}

	/** The baseline's round: raw produce→consume at the change rate, into the figures; its p99 in milliseconds. */
	private static double roundTrip(RoundTrip roundTrip, Settings settings, Map<String, Object> figures) {
		Histogram raw = roundTrip.run(settings.changeRate(), settings.changeWindow());
		figures.put("baselineP50", raw.getValueAtPercentile(50) / 1000.0);
		figures.put("baselineP99", raw.getValueAtPercentile(99) / 1000.0);
		return raw.getValueAtPercentile(99) / 1000.0;
	}

	/** The p99s compared, with the medians of the rounds' p50s beside them. */
	private static Result endToEndResult(Settings settings, Stats suite, Stats baseline,
			List<Map<String, Object>> rounds) {
		Stats suiteP50 = new Stats();
		Stats baselineP50 = new Stats();
		rounds.forEach((r) -> {
			suiteP50.add(((Number) r.get("suiteP50")).doubleValue());
			baselineP50.add(((Number) r.get("baselineP50")).doubleValue());
		});
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("suiteP50", Result.round(suiteP50.median()));
		details.put("baselineP50", Result.round(baselineP50.median()));
		details.put("p50Ratio", Result.round(suiteP50.median() / baselineP50.median()));
		details.put("rate", settings.changeRate());
		details.put("window", settings.changeWindow().toSeconds() + " s per round");
		return Result.of("end-to-end", suite, baseline, "ms p99", 4.0, false, rounds, details,
				"PATCH /api/orders/{id} at a fixed rate; event time (order-service's commit) to the last department's "
						+ "notification stored, against a raw kafka-clients produce→consume round trip (acks=all, "
						+ "idempotent, six partitions).");
	}

	/** Places {@code count} orders for one account, eight at a time; returns their ids. */
	private List<String> placeOrders(Stack stack, String token, int count) throws Exception {
		HttpResponse<String> account = HTTP.send(OpenLoad.request(stack.url("account-service") + "/api/accounts", token)
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"name":"Cascade Orthodontics","specialty":"ORTHODONTICS","city":"Seattle","country":"US"}"""))
			.build(), HttpResponse.BodyHandlers.ofString());
		check(account, 201);
		String accountId = this.json.readTree(account.body()).path("id").asString();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<String>> placed = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				placed.add(pool.submit(() -> {
					HttpResponse<String> order = HTTP.send(OpenLoad.request(stack.url("order-service") + "/api/orders", token)
						.POST(HttpRequest.BodyPublishers.ofString("""
								{"accountId":"%s","lines":[{"sku":"EC-ORTHO-100","quantity":2}],"requestedDeliveryDate":"2027-02-01"}"""
							.formatted(accountId)))
						.build(), HttpResponse.BodyHandlers.ofString());
					check(order, 201);
					return this.json.readTree(order.body()).path("id").asString();
				}));
			}
			List<String> ids = new ArrayList<>();
			for (Future<String> id : placed) {
				ids.add(id.get(2, TimeUnit.MINUTES));
			}
			return ids;
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** The k-th change of an order: another quantity each time, so that every PATCH is a change. */
	private static HttpRequest change(Stack stack, String token, String order, int k) {
		return OpenLoad.request(stack.url("order-service") + "/api/orders/" + order, token)
			.method("PATCH", HttpRequest.BodyPublishers.ofString("""
					{"reason":"Practice adds an operatory","lines":[{"sku":"EC-ORTHO-100","quantity":%d}]}"""
				.formatted(3 + k % 7), StandardCharsets.UTF_8))
			.build();
	}

	/**
	 * Waits until notification-service has handled every change since {@code since}, then returns, per change, the
	 * time from its event to its last department's notification, in milliseconds.
	 * <p>
	 * The wait watches the service's own counter of handled OrderChanged events, not the store: a count of
	 * {@code notifications} is a scan of the whole collection on the MongoDB-wire store (an aggregation it cannot
	 * serve from an index), and polling it twice a second kept the store, the suite's bottleneck, busy with the
	 * benchmark's own questions. The notifications are read once, at the end.
	 */
	private static Histogram awaitNotifications(Stack stack, String token, double handledBefore,
			MongoCollection<Document> notifications, Date since, long changes) {
		var filter = Filters.and(Filters.eq("eventType", "OrderChanged"), Filters.gte("occurredAt", since));
		long waitStarted = System.nanoTime();
		long deadline = waitStarted + Duration.ofMinutes(3).toNanos();
		while (orderChangesHandled(stack) - handledBefore < changes && System.nanoTime() < deadline) {
			Stack.pause(Duration.ofMillis(500));
		}
		Map<String, long[]> byEvent = new HashMap<>();
		for (Document notification : notifications.find(filter)
			.projection(Projections.include("eventId", "occurredAt", "createdAt"))) {
			long occurred = notification.getDate("occurredAt").getTime();
			long created = notification.getDate("createdAt").getTime();
			byEvent.merge(notification.getString("eventId"), new long[] { occurred, created },
					(a, b) -> new long[] { a[0], Math.max(a[1], b[1]) });
		}
		Histogram latencies = new Histogram(TimeUnit.HOURS.toMillis(1), 3);
		byEvent.values().forEach((times) -> latencies.recordValue(Math.max(0, times[1] - times[0])));
		// A change still not notified counts with the time waited so far: a lower bound, but it is not lost from the
		// percentiles (a suite that falls behind the rate must not look faster for it).
		long missing = changes - latencies.getTotalCount();
		if (missing > 0) {
			System.out.printf("  end-to-end: %d of %d changes not notified yet; counted as %d s%n", missing, changes,
					Duration.ofNanos(System.nanoTime() - waitStarted).toSeconds());
			latencies.recordValueWithCount(Math.min(latencies.getHighestTrackableValue(),
					Duration.ofNanos(System.nanoTime() - waitStarted).toMillis()), missing);
		}
		return latencies;
	}

	/**
	 * OrderChanged events notification-service has handled so far: its {@code chairside.inbox.handled} counter (the
	 * notifications of an event are stored before it counts), read from its Prometheus endpoint; -1 when unreadable.
	 */
	private static double orderChangesHandled(Stack stack) {
		// the metrics are for admins only
		String token = stack.token("bench.admin", "ADMIN", null, null);
		try {
			HttpResponse<String> metrics = HTTP.send(
					OpenLoad.request(stack.url("notification-service") + "/actuator/prometheus", token).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			return metrics.body()
				.lines()
				.filter((line) -> line.startsWith("chairside_inbox_handled_total{")
						&& line.contains("consumer=\"notification-service.orderEvents\"")
						&& line.contains("type=\"OrderChanged\""))
				.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
				.sum();
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/**
	 * The suite's side of a round: the placed orders changed at the rate while the processes' peak memory is sampled,
	 * each change timed to its last department's notification.
	 */
	private record OrderChanges(Stack stack, String token, List<String> orders,
			MongoCollection<Document> notifications, Memory memory) {

		/** One round, into the figures; the changes' p99 in milliseconds. */
		double measure(Settings settings, Map<String, Object> figures) {
			Date since = new Date();
			double handledBefore = orderChangesHandled(this.stack);
			IntFunction<HttpRequest> nextChange = (i) -> change(this.stack, this.token,
					this.orders.get(i % this.orders.size()), i / this.orders.size());
			OpenLoad.Outcome changes = this.memory.during(
					() -> OpenLoad.run(settings.changeRate(), settings.changeWindow(), nextChange, (s) -> s == 200));
			Histogram latencies = awaitNotifications(this.stack, this.token, handledBefore, this.notifications, since,
					changes.sent() - changes.errors());
			figures.put("suiteP50", (double) latencies.getValueAtPercentile(50));
			figures.put("suiteP99", (double) latencies.getValueAtPercentile(99));
			figures.put("changes", changes.sent());
			figures.put("changeErrors", changes.errors());
			figures.put("patchP99", Result.round(changes.millis(99)));
			return latencies.getValueAtPercentile(99);
		}

	}

	private static void check(HttpResponse<String> response, int expected) {
		if (response.statusCode() != expected) {
			throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
					+ response.statusCode() + ": " + response.body());
		}
	}

}
