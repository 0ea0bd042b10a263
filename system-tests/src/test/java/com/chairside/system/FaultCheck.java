package com.chairside.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import com.chairside.launcher.Catalogue;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The promises checked after a fault, from the outside: the order topic as any consumer reads it, the consumer groups'
 * committed offsets, and what each consumer service wrote in its own database. Opened before the fault so that its
 * reader of the topic is caught up when the recovery is timed.
 */
final class FaultCheck implements AutoCloseable {

	static final String TOPIC = "chairside.orders";

	static final List<String> CONSUMER_GROUPS = List.of("notification-service", "reporting-service");

	private static final Path RESULTS = Path.of("target/fault-results.md");

	/** What one fault did to the stream and what it cost. */
	record Outcome(String fault, int offeredPerSecond, double achievedPerSecond, long acknowledged,
			long acknowledgedDuringFault, long refusedDuringFault, long lost, long duplicated, long missingEffects,
			long doubledEffects, long projectionErrors, Duration lasted, Duration recovery, String rebuild) {

		String tableLine() {
			return "| %s | %d/s offered, %.0f/s acknowledged | %d | %d | %d | %d | %d | %d | %d | %d | %.1f s | %.1f s | %s |"
				.formatted(this.fault, this.offeredPerSecond, this.achievedPerSecond, this.acknowledged,
						this.acknowledgedDuringFault, this.refusedDuringFault, this.lost, this.duplicated,
						this.missingEffects, this.doubledEffects, this.projectionErrors, this.lasted.toMillis() / 1000.0,
						this.recovery.toMillis() / 1000.0, this.rebuild);
		}

	}

	private final Suite suite;

	private final KafkaProbe probe;

	private final List<Received> records;

	private final ConsumerLag lag;

	private final MongoClient store;

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	private final Map<String, Set<String>> changes = new ConcurrentHashMap<>();

	private int indexed;

	/** Events the consumers rightly refused (dead-lettered): they have no effect to look for. */
	private final Set<String> refused = ConcurrentHashMap.newKeySet();

	FaultCheck(Suite suite) {
		this.suite = suite;
		this.probe = new KafkaProbe(suite.kafka().address());
		this.records = this.probe.follow(TOPIC);
		this.lag = new ConsumerLag(suite.kafka().address());
		this.store = MongoClients.create(suite.storeConnectionString());
	}

	/** {@code ceId} breaks a rule: the consumers must dead-letter it, not act on it. */
	void refused(String ceId) {
		this.refused.add(ceId);
	}

	ConsumerLag lag() {
		return this.lag;
	}

	KafkaProbe probe() {
		return this.probe;
	}

	List<Received> records() {
		return this.records;
	}

	/** Every acknowledged change is on the topic and every consumer group has handled everything on it. */
	boolean settled(OrderStream stream) {
		return lost(stream) == 0 && CONSUMER_GROUPS.stream().allMatch((g) -> this.lag.of(g, TOPIC) == 0);
	}

	/**
	 * Waits until the system has settled after the fault ended at {@code faultEnd} (that time is the recovery), then
	 * checks every invariant, records the outcome and asserts none was broken.
	 */
	Outcome verify(String fault, OrderStream stream, Instant faultStart, Instant faultEnd) {
		Duration recovery;
		try {
			await(fault + ": every acknowledged change published and consumed").atMost(Duration.ofSeconds(240))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> settled(stream));
			recovery = Duration.between(faultEnd, Instant.now());
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			recovery = Duration.ofDays(1); // never: the checks below say what is missing
			CONSUMER_GROUPS.forEach((g) -> System.out.println("FAULT " + fault + ": lag of " + g + " " + this.lag.of(g, TOPIC)));
		}

		Map<String, Set<String>> changeIds = changeEventIds(stream.orders());
		long duplicated = changeIds.values().stream().mapToLong((ids) -> ids.size() - 1).sum();
		long lost = lost(stream);
		long[] effects = notificationEffects(stream.orders());
		long projectionErrors = projectionErrors(stream.orders());
		String rebuild = rebuildMatches(stream.orders());
		Outcome outcome = new Outcome(fault, stream.offeredPerSecond(), stream.achievedPerSecond(), stream.acks().size(),
				stream.acknowledgedBetween(faultStart, faultEnd),
				stream.callsBetween(faultStart, faultEnd) - stream.acknowledgedBetween(faultStart, faultEnd), lost,
				duplicated, effects[0], effects[1], projectionErrors, Duration.between(faultStart, faultEnd), recovery,
				rebuild);
		record(outcome);
		assertThat(recovery).as(fault + ": settled within 4 minutes").isLessThan(Duration.ofDays(1));
		assertThat(lost).as(fault + ": acknowledged changes without their event").isZero();
		assertThat(duplicated).as(fault + ": changes published as two different events").isZero();
		assertThat(effects[0]).as(fault + ": events without their notifications").isZero();
		assertThat(effects[1]).as(fault + ": notifications made twice").isZero();
		assertThat(projectionErrors).as(fault + ": orders the report counts wrongly").isZero();
		assertThat(rebuild).as(fault + ": the projection against a rebuild").isNotEqualTo("differs");
		return outcome;
	}

	/**
	 * Acknowledged changes with no OrderChanged on the topic. A change acknowledged with version {@code v} (its ETag)
	 * is the OrderChanged based on version {@code v - 1}: each change is one versioned save.
	 */
	long lost(OrderStream stream) {
		Map<String, Set<String>> published = changes();
		return stream.acks().stream().filter((a) -> !published.containsKey(a.orderId() + "@" + (a.version() - 1))).count();
	}

	/** The distinct event ids published for each (order, version changed) of {@code orders}. */
	private Map<String, Set<String>> changeEventIds(List<String> orders) {
		Set<String> ours = new HashSet<>(orders);
		Map<String, Set<String>> ids = new HashMap<>();
		changes().forEach((change, events) -> {
			if (ours.contains(change.substring(0, change.indexOf('@')))) {
				ids.put(change, events);
			}
		});
		return ids;
	}

	/** Every OrderChanged read so far, by order and the version it was based on; indexed as records arrive. */
	private synchronized Map<String, Set<String>> changes() {
		List<Received> all = this.records;
		for (int i = this.indexed; i < all.size(); i++) {
			Received r = all.get(i);
			if (isChange(r)) {
				long basedOn = basedOn(r);
				this.changes.computeIfAbsent(r.key() + "@" + basedOn, (k) -> ConcurrentHashMap.newKeySet())
					.add(r.header("ce_id"));
			}
		}
		this.indexed = all.size();
		return this.changes;
	}

	/** The distinct events of {@code orders} that notify departments, with their type. */
	private Map<String, String> notifyingEvents(List<String> orders) {
		Set<String> ours = new HashSet<>(orders);
		Map<String, String> events = new HashMap<>();
		for (Received r : this.records) {
			String type = r.header("ce_type");
			if (ours.contains(r.key()) && type != null && !this.refused.contains(r.header("ce_id"))
					&& (type.contains(".OrderPlaced.") || type.contains(".OrderChanged.") || type.contains(".OrderCancelled."))) {
				events.put(r.header("ce_id"), type);
			}
		}
		return events;
	}

	/**
	 * {missing, doubled}: events that did not reach every department the routing rules name for every event of their
	 * type, or fewer recipients than the others of their type, or none; and (event, department, channel) written more
	 * than once, in notification-service's own store.
	 */
	private long[] notificationEffects(List<String> orders) {
		Map<String, Integer> perEvent = new HashMap<>();
		Map<String, Set<String>> departments = new HashMap<>();
		Map<String, Integer> perRecipient = new HashMap<>();
		for (Document n : this.store.getDatabase(Catalogue.database("notification-service")).getCollection("notifications")
			.find(Filters.in("orderId", orders))) {
			perEvent.merge(n.getString("eventId"), 1, Integer::sum);
			if (n.getString("department") != null) {
				departments.computeIfAbsent(n.getString("eventId"), (k) -> new HashSet<>()).add(n.getString("department"));
			}
			perRecipient.merge(n.getString("eventId") + "/" + n.getString("department") + "/" + n.getString("person") + "/" + n.getString("channel"), 1,
					Integer::sum);
		}
		Map<String, String> events = notifyingEvents(orders);
		Map<String, Set<String>> routed = RoutedDepartments.byEventType(this.suite);
		Map<String, Integer> usual = new HashMap<>();
		for (Map.Entry<String, String> event : events.entrySet()) {
			usual.merge(event.getValue(), perEvent.getOrDefault(event.getKey(), 0), Math::max);
		}
		long missing = events.entrySet().stream()
			.filter((e) -> perEvent.getOrDefault(e.getKey(), 0) == 0 || perEvent.get(e.getKey()) < usual.get(e.getValue())
					|| !departments.getOrDefault(e.getKey(), Set.of())
						.containsAll(routed.getOrDefault(RoutedDepartments.eventType(e.getValue()), Set.of())))
			.count();
		long doubled = perRecipient.values().stream().mapToLong((count) -> count - 1).sum();
		return new long[] { missing, doubled };
	}

	/** Orders whose figures in reporting-service's store do not count each of their changes exactly once. */
	private long projectionErrors(List<String> orders) {
		Map<String, Set<String>> changes = changeEventIds(orders);
		Map<String, Integer> published = new HashMap<>();
		changes.keySet().forEach((k) -> published.merge(k.substring(0, k.indexOf('@')), 1, Integer::sum));
		Map<String, Integer> counted = countedChanges(orders);
		return orders.stream()
			.filter((o) -> !counted.containsKey(o) || !counted.get(o).equals(published.getOrDefault(o, 0)))
			.count();
	}

	private Map<String, Integer> countedChanges(List<String> orders) {
		Map<String, Integer> counted = new HashMap<>();
		var reporting = this.store.getDatabase(Catalogue.database("reporting-service"));
		// After a rebuild the projection lives in the rebuilt copy its pointer names.
		Document pointer = reporting.getCollection("projection_pointers").find(Filters.eq("_id", "orders")).first();
		String active = (pointer != null) ? pointer.getString("collection") : "order_figures";
		for (Document figures : reporting.getCollection(active).find(Filters.in("_id", orders))) {
			if (Boolean.TRUE.equals(figures.getBoolean("placed"))) {
				Number changes = figures.get("changes", Number.class);
				counted.put(figures.getString("_id"), (changes != null) ? changes.intValue() : 0);
			}
		}
		return counted;
	}

	/**
	 * "equal" when reporting-service, asked to rebuild its order projection from the log, ends with the same figures
	 * for these orders, read from the rebuilt copy: the projection's pointer names the rebuild's own collection.
	 */
	private String rebuildMatches(List<String> orders) {
		Map<String, Integer> before = countedChanges(orders);
		Api admin = this.suite.gateway(this.suite.token("admin", "ADMIN", null, null));
		String run = RebuildCheck.start(admin, "orders");
		try {
			if (!RebuildCheck.completed(admin, run)) {
				return "differs";
			}
			RebuildCheck.assertAnswering(this.store, "orders", run);
			await("the rebuilt copy in use").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
				.until(() -> CONSUMER_GROUPS.stream().allMatch((g) -> this.lag.of(g, TOPIC) == 0)
						&& countedChanges(orders).equals(before));
			return "equal";
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			return "differs";
		}
	}

	private static long basedOn(Received change) {
		try {
			return JSON.readTree(change.value()).path("basedOnVersion").asLong(-1);
		}
		catch (tools.jackson.core.JacksonException ex) {
			return -1;
		}
	}

	private static boolean isChange(Received r) {
		String type = r.header("ce_type");
		return type != null && type.contains(".OrderChanged.");
	}

	static synchronized void record(Outcome outcome) {
		String line = outcome.tableLine();
		System.out.println("FAULT " + line);
		try {
			if (!Files.exists(RESULTS)) {
				Files.writeString(RESULTS, """
						| fault | rate | acknowledged | acknowledged during fault | refused during fault | lost | duplicated | events missing notifications | notifications doubled | orders miscounted | fault lasted | recovery | rebuild |
						| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
						""");
			}
			Files.writeString(RESULTS, line + "\n", StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A line for a fault whose figures are not a stream's (poison messages, a slow dependency). */
	static void note(String line) {
		System.out.println("FAULT " + line);
		try {
			Files.writeString(RESULTS, "\n" + line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.probe.close();
		this.lag.close();
		this.store.close();
	}

}
