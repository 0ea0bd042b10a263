package com.chairside.reporting.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import com.chairside.platform.inbox.IncomingEvent;
import com.chairside.reporting.projection.Projector.Sequenced;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.ServiceIntegrationTest;
import com.chairside.testsupport.store.Recording;
import com.chairside.testsupport.store.StoreCommand;
import com.chairside.testsupport.store.StoreCommands;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild's batch path and the live consumers' poll path against the event-by-event path, on the real store:
 * duplicates and older events arriving after newer ones, inside one batch and across two, leave the same documents
 * every way; two replicas applying the same events at once leave what one leaves.
 */
@ServiceIntegrationTest
class ProjectorIntegrationTests {

	private static final String ORDER = "chairside.order.";

	@Autowired
	Projector projector;

	@Autowired
	Projections projections;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	JsonMapper json;

	private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

	private final List<String> collections = new ArrayList<>();

	@AfterEach
	void dropCopies() {
		this.collections.forEach(this.mongo::dropCollection);
	}

	private String copy(String name) {
		String collection = "projector_" + name + "_" + this.suffix;
		this.collections.add(collection);
		return collection;
	}

	private IncomingEvent event(String type, String orderId, long sequence, String... fields) {
		String[] all = new String[fields.length + 4];
		all[0] = "orderId";
		all[1] = orderId;
		all[2] = "region";
		all[3] = "PROJECTOR";
		System.arraycopy(fields, 0, all, 4, fields.length);
		return new IncomingEvent(UUID.randomUUID().toString(), ORDER + type + ".v1", orderId, sequence,
				Instant.parse("2026-11-20T10:00:00Z").plusSeconds(sequence), null, null,
				this.json.readTree(Contracts.example(ORDER + type + ".v1", all)));
	}

	/** Two orders interleaved; the first's events arrive out of order and twice, the second's once more at the end. */
	private List<IncomingEvent> arrivals() {
		String a = "order-a-" + this.suffix;
		String b = "order-b-" + this.suffix;
		IncomingEvent changedA4 = event("OrderChanged", a, 4, "changedAt", "2026-11-24T09:00:00Z");
		IncomingEvent changedB2 = event("OrderChanged", b, 2, "changedAt", "2026-11-22T09:00:00Z");
		return List.of(event("OrderDrafted", a, 1), event("OrderDrafted", b, 1), event("OrderPlaced", a, 2),
				changedA4, changedB2,
				event("OrderChanged", a, 3, "changedAt", "2026-11-23T09:00:00Z"), // older than the one applied: ignored
				changedA4, // a redelivery
				event("OrderChanged", a, 5, "changedAt", "2026-11-25T09:00:00Z"),
				event("OrderCancelled", a, 6, "cancelledAt", "2026-11-26T09:00:00Z"), event("OrderPlaced", a, 5),
				changedB2);
	}

	private List<Sequenced> writes(Projection projection, List<IncomingEvent> events) {
		List<Sequenced> writes = new ArrayList<>();
		for (IncomingEvent event : events) {
			ProjectionWrite write = projection.writeFor(event, this.json);
			if (write != null) {
				writes.add(new Sequenced(write, event.sequence(), event.id()));
			}
		}
		return writes;
	}

	private List<Document> documents(String collection) {
		List<Document> documents = new ArrayList<>(this.mongo.findAll(Document.class, collection));
		documents.sort(Comparator.comparing((d) -> String.valueOf(d.get("_id"))));
		return documents;
	}

	@Test
	void appliesABatchToItsOwnCopyAsTheLiveConsumersApplyItEventByEvent() {
		Projection orders = this.projections.named("orders");
		List<IncomingEvent> arrivals = arrivals();
		String live = copy("live");
		long appliedLive = 0;
		for (IncomingEvent event : arrivals) {
			if (this.projector.apply(event, orders.writeFor(event, this.json), orders.document(), live)) {
				appliedLive++;
			}
		}
		String oneBatch = copy("one_batch");
		long appliedInOne = this.projector.applyToOwnCopy(writes(orders, arrivals), orders.document(), oneBatch);
		String twoBatches = copy("two_batches");
		long appliedInTwo = this.projector.applyToOwnCopy(writes(orders, arrivals.subList(0, 5)), orders.document(),
				twoBatches)
				+ this.projector.applyToOwnCopy(writes(orders, arrivals.subList(5, arrivals.size())), orders.document(),
						twoBatches);

		assertThat(appliedLive).as("drafted, placed, changed 4 and 5, cancelled; drafted and changed of b").isEqualTo(7);
		assertThat(appliedInOne).isEqualTo(appliedLive);
		assertThat(appliedInTwo).isEqualTo(appliedLive);
		Document a = documents(live).get(0);
		assertThat(a.get("changes")).isEqualTo(2);
		assertThat(a.getList("changeLog", Document.class)).extracting((c) -> c.get("at"))
			.containsExactly("2026-11-24T09:00:00Z", "2026-11-25T09:00:00Z");
		assertThat(a.get("status")).isEqualTo("CANCELLED");
		assertThat(a.get("sequence")).isEqualTo(6L);
		assertThat(documents(oneBatch)).as("one batch").isEqualTo(documents(live));
		assertThat(documents(twoBatches)).as("two batches").isEqualTo(documents(live));
	}

	/**
	 * A rebuild's writer that found its copy empty reads the held sequences of the documents it wrote there before and
	 * of no other: a batch of new documents costs the store one insert and no read, each document written once however
	 * many events it folds; a later batch reads the documents the first wrote, and the copy ends as event-by-event
	 * writes leave it.
	 */
	@Test
	void aCopysOnlyWriterReadsOnlyTheDocumentsItWroteBefore() {
		Projection orders = this.projections.named("orders");
		List<IncomingEvent> arrivals = new ArrayList<>(arrivals());
		arrivals.add(event("OrderDrafted", "order-n-" + this.suffix, 1));
		arrivals.add(event("OrderPlaced", "order-n-" + this.suffix, 2));
		String live = copy("written_live");
		arrivals.forEach((event) -> this.projector.apply(event, orders.writeFor(event, this.json), orders.document(), live));
		String own = copy("written_own");
		WrittenIds written = WrittenIds.ofEmptyCopy(10);

		List<StoreCommand> first = sentTo(own, () -> this.projector.applyToOwnCopy(
				this.projector.prepareOwnCopy(writes(orders, arrivals.subList(0, 5)), orders.document()), own, written));
		List<StoreCommand> second = sentTo(own, () -> this.projector.applyToOwnCopy(
				this.projector.prepareOwnCopy(writes(orders, arrivals.subList(5, arrivals.size())), orders.document()),
				own, written));

		assertThat(first).as("orders a and b, five events, new to the copy:%n%s", Recording.lines(first))
			.extracting(StoreCommand::name)
			.containsExactly("insert");
		assertThat(second).as("a and b read again, n new:%n%s", Recording.lines(second))
			.extracting(StoreCommand::name)
			.containsExactly("find", "insert", "update");
		assertThat(documents(own)).isEqualTo(documents(live));
	}

	private List<StoreCommand> sentTo(String collection, Runnable writing) {
		try (Recording recording = StoreCommands.get().record()) {
			writing.run();
			return recording.sentBy(this.mongo.getDb().getName(), (thread) -> true)
				.stream()
				.filter((command) -> collection.equals(command.collection()))
				.toList();
		}
	}

	@Test
	void appliesAnUpdateThatDoesNotFoldInItsPlace() {
		Projection orders = this.projections.named("orders");
		String id = "order-c-" + this.suffix;
		List<IncomingEvent> arrivals = List.of(event("OrderDrafted", id, 1), event("OrderChanged", id, 2),
				event("OrderChanged", id, 4));
		List<Sequenced> writes = new ArrayList<>(writes(orders, arrivals));
		// An operator the fold does not know ($unset), between two changes it folds: it must land between them.
		writes.add(2, new Sequenced(new ProjectionWrite(id, new Update().unset("owner")
			.set("committedDeliveryDate", "2027-01-15")), 3, "unset-" + this.suffix));
		String live = copy("live_c");
		for (Sequenced w : writes) {
			IncomingEvent event = new IncomingEvent(w.eventId(), "chairside.order.Any.v1", id, w.sequence(),
					Instant.EPOCH, null, null, null);
			this.projector.apply(event, w.write(), orders.document(), live);
		}
		String own = copy("own_c");
		assertThat(this.projector.applyToOwnCopy(writes, orders.document(), own)).isEqualTo(4);

		Document c = documents(own).get(0);
		assertThat(c.containsKey("owner")).as("unset by 3, set by none after").isFalse();
		assertThat(c.get("committedDeliveryDate")).isEqualTo("2027-01-15");
		assertThat(c.get("changes")).isEqualTo(2);
		assertThat(documents(own)).isEqualTo(documents(live));
	}

	@Test
	void appliesALivePollAsTheEventByEventPathDoes() {
		Projection orders = this.projections.named("orders");
		List<IncomingEvent> arrivals = arrivals();
		String live = copy("event_by_event");
		arrivals.forEach((event) -> this.projector.apply(event, orders.writeFor(event, this.json), orders.document(), live));
		String onePoll = copy("one_poll");
		long appliedInOne = this.projector.applyLive(writes(orders, arrivals), orders.document(), onePoll);
		String twoPolls = copy("two_polls");
		long appliedInTwo = this.projector.applyLive(writes(orders, arrivals.subList(0, 5)), orders.document(), twoPolls)
				+ this.projector.applyLive(writes(orders, arrivals.subList(5, arrivals.size())), orders.document(),
						twoPolls);
		long again = this.projector.applyLive(writes(orders, arrivals), orders.document(), twoPolls);

		assertThat(appliedInOne).isEqualTo(7);
		assertThat(appliedInTwo).isEqualTo(7);
		assertThat(again).as("the polls delivered again").isZero();
		assertThat(documents(onePoll)).as("one poll").isEqualTo(documents(live));
		assertThat(documents(twoPolls)).as("two polls, then both again").isEqualTo(documents(live));
	}

	/**
	 * The live path expects a document to hold the sequence this process last wrote there; another writer moves it on
	 * in between (a rebalance), then it is removed and its last event delivered again: each later poll still leaves
	 * what event-by-event writes leave.
	 */
	@Test
	void aLivePollAfterAnotherWriterMovedItsDocumentOnAppliesWhatTheEventByEventPathDoes() {
		Projection orders = this.projections.named("orders");
		String id = "order-m-" + this.suffix;
		List<IncomingEvent> events = new ArrayList<>();
		events.add(event("OrderDrafted", id, 1));
		for (int change = 2; change <= 7; change++) {
			events.add(event("OrderChanged", id, change, "changedAt", "2026-11-2" + change + "T09:00:00Z"));
		}
		String alone = copy("moved_alone");
		List.of(0, 1, 2, 3, 2, 4, 3, 5).forEach((i) -> this.projector.apply(events.get(i), orders.writeFor(events.get(i),
				this.json), orders.document(), alone));
		String shared = copy("moved_shared");

		long first = this.projector.applyLive(writes(orders, events.subList(0, 2)), orders.document(), shared);
		events.subList(2, 4).forEach((event) -> this.projector.apply(event, orders.writeFor(event, this.json),
				orders.document(), shared));
		long second = this.projector.applyLive(writes(orders, List.of(events.get(2), events.get(4))), orders.document(),
				shared);
		long third = this.projector.applyLive(writes(orders, List.of(events.get(3), events.get(5))), orders.document(),
				shared);

		assertThat(first).isEqualTo(2);
		assertThat(second).as("3 applied by the other writer, 5 newer than the 4 it left").isEqualTo(1);
		assertThat(third).as("4 redelivered, 6").isEqualTo(1);
		assertThat(documents(shared)).isEqualTo(documents(alone));

		this.mongo.getCollection(shared).deleteOne(new Document("_id", id));
		this.mongo.getCollection(alone).deleteOne(new Document("_id", id));
		events.subList(5, 7).forEach((event) -> this.projector.apply(event, orders.writeFor(event, this.json),
				orders.document(), alone));
		long afterRemoval = this.projector.applyLive(writes(orders, events.subList(5, 6)), orders.document(), shared)
				+ this.projector.applyLive(writes(orders, events.subList(6, 7)), orders.document(), shared);

		assertThat(afterRemoval).as("6 again, into a new document, then 7").isEqualTo(2);
		assertThat(documents(shared)).isEqualTo(documents(alone));
	}

	/**
	 * Two replicas write the same live copy at once, one a poll at a time and one event by event, as in a rebalance:
	 * the poll's conditional writes lose some races, and what they lost is applied again event by event.
	 */
	@Test
	void aLivePollAndAnotherReplicaWritingAtOnceLeaveWhatOneLeaves() throws Exception {
		Projection orders = this.projections.named("orders");
		List<IncomingEvent> arrivals = new ArrayList<>();
		for (int order = 0; order < 20; order++) {
			String id = "order-r" + order + "-" + this.suffix;
			arrivals.add(event("OrderDrafted", id, 1));
			for (int change = 2; change <= 6; change++) {
				arrivals.add(event("OrderChanged", id, change, "changedAt", "2026-11-2" + change + "T09:00:00Z"));
			}
		}
		String alone = copy("poll_alone");
		arrivals.forEach((event) -> this.projector.apply(event, orders.writeFor(event, this.json), orders.document(), alone));
		ExecutorService replicas = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				String shared = copy("poll_shared_" + round);
				CountDownLatch start = new CountDownLatch(1);
				Future<?> polls = replicas.submit(() -> {
					start.await();
					for (int from = 0; from < arrivals.size(); from += 7) {
						this.projector.applyLive(writes(orders, arrivals.subList(from, Math.min(arrivals.size(), from + 7))),
								orders.document(), shared);
					}
					return null;
				});
				Future<?> events = replicas.submit(() -> {
					start.await();
					arrivals.forEach((event) -> this.projector.apply(event, orders.writeFor(event, this.json),
							orders.document(), shared));
					return null;
				});
				start.countDown();
				polls.get(1, TimeUnit.MINUTES);
				events.get(1, TimeUnit.MINUTES);
				assertThat(documents(shared)).as("round %d", round).isEqualTo(documents(alone));
			}
		}
		finally {
			replicas.shutdownNow();
		}
	}

	@Test
	void twoReplicasApplyingTheSameEventsAtOnceLeaveWhatOneLeaves() throws Exception {
		Projection orders = this.projections.named("orders");
		List<IncomingEvent> arrivals = arrivals();
		String alone = copy("alone");
		arrivals.forEach((event) -> this.projector.apply(event, orders.writeFor(event, this.json), orders.document(), alone));
		ExecutorService replicas = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				String shared = copy("shared_" + round);
				CountDownLatch start = new CountDownLatch(1);
				List<Future<?>> applied = new ArrayList<>();
				// A rebalance hands a partition over while the first consumer still works through it: both apply
				// its events, in the partition's order, at once.
				for (int replica = 0; replica < 2; replica++) {
					applied.add(replicas.submit(() -> {
						start.await();
						arrivals.forEach((event) -> this.projector.apply(event, orders.writeFor(event, this.json),
								orders.document(), shared));
						return null;
					}));
				}
				start.countDown();
				for (Future<?> replica : applied) {
					replica.get(1, TimeUnit.MINUTES);
				}
				assertThat(documents(shared)).as("round %d", round).isEqualTo(documents(alone));
			}
		}
		finally {
			replicas.shutdownNow();
		}
	}

}
