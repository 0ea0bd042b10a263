package com.chairside.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.chairside.launcher.Catalogue;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;

/**
 * Benchmark 1, the event path: OrderChanged events waiting on chairside.orders, drained by notification-service (its
 * consumer group's committed offsets reaching the topic's end) against {@link PlainNotifier} draining the same events.
 * Each round publishes a fresh batch while the service is stopped; the baseline drains it first, then the service is
 * started on an emptied notifications collection and drains it too. The service's rate is counted from its first
 * commit, so its start-up is not in it. Its mail dispatcher is slowed down: the baseline sends no mail either.
 */
final class EventPathBenchmark implements Benchmark {

	private static final String SERVICE = "notification-service";

	@Override
	public String name() {
		return "event-path";
	}

	@Override
	public List<Result> run(Settings settings) throws Exception {
		Stats suite = new Stats();
		Stats baseline = new Stats();
		List<Map<String, Object>> rounds = new ArrayList<>();
		Events events = new Events(1);
		try (Stack stack = Stack.start(settings.root(), settings.logs(), List.of(SERVICE), false,
				Map.of(SERVICE, List.of("--chairside.notifications.dispatch-interval=1h")));
				Admin admin = stack.admin();
				Producer<String, byte[]> producer = Events.producer(stack.kafkaBootstrap());
				PlainNotifier plain = new PlainNotifier(stack.kafkaBootstrap(), stack.mongoUri(), "bench-plain-notifier");
				MongoClient mongo = MongoClients.create(stack.mongoUri())) {
			// The service has created the topic (six partitions) and joined its group; from here it only drains batches.
			stack.stop(SERVICE);
			for (int round = 1; round <= settings.rounds(); round++) {
				Map<TopicPartition, Long> from = Offsets.ends(admin, Events.ORDERS);
				events.publishOrderChanges(producer, settings.events(), Math.max(1, settings.events() / 5));
				Map<TopicPartition, Long> to = Offsets.ends(admin, Events.ORDERS);

				plain.reset();
				double plainRate = settings.events() / plain.drain(Events.ORDERS, from, to);
				baseline.add(plainRate);

				// the service starts each round on an empty store: mails left owed from the last round would be sent
				// during this one's drain, work the round did not cause (an older build run with -Dbench.jar owes them
				// in mail_queue)
				var store = mongo.getDatabase(Catalogue.database("notification-service"));
				store.getCollection("notifications").drop();
				store.getCollection("mail_queue").drop();
				double serviceRate = drainByService(stack, admin, Offsets.sum(from), Offsets.sum(to), settings.events());
				suite.add(serviceRate);
				stack.stop(SERVICE);

				Map<String, Object> figures = new LinkedHashMap<>();
				figures.put("round", round);
				figures.put("baseline", Result.round(plainRate));
				figures.put("suite", Result.round(serviceRate));
				rounds.add(figures);
				Report.progress(name(), round, figures);
			}
		}
		return List.of(Result.of(name(), suite, baseline, "events/s", 0.7, true, rounds,
				Map.of("events", settings.events()),
				"notification-service (C1-only JVM, -Xmx128m, as bin/chairside runs it) against a plain kafka-clients "
						+ "consumer with the plain MongoDB driver doing the same inserts; both on the H2-backed store."));
	}

	/** Starts the service and returns its drain rate in events/s, counted from its first commit to the topic's end. */
	private static double drainByService(Stack stack, Admin admin, long from, long to, int events) {
		long launched = System.nanoTime();
		stack.restart(SERVICE);
		long firstCommitAt = 0;
		long firstCommitted = 0;
		long committed = Offsets.committed(admin, SERVICE, Events.ORDERS);
		long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
		while (committed < to) {
			Stack.pause(Duration.ofMillis(100));
			committed = Offsets.committed(admin, SERVICE, Events.ORDERS);
			if (firstCommitAt == 0 && committed > from) {
				firstCommitAt = System.nanoTime();
				firstCommitted = committed;
			}
			stack.part(SERVICE).checkAlive();
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(SERVICE + " did not drain " + events + " events within an hour");
			}
		}
		long done = System.nanoTime();
		if (firstCommitted >= to || done - firstCommitAt < Duration.ofMillis(200).toNanos()) {
			// Drained in one commit (a smoke run's few events): the rate from launch is all there is to tell.
			return events / ((done - launched) / 1e9);
		}
		return (to - firstCommitted) / ((done - firstCommitAt) / 1e9);
	}

}
