package com.chairside.notification.orders;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.chairside.notification.NotificationServiceTest;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.MutableClock;
import com.chairside.testsupport.store.Recording;
import com.chairside.testsupport.store.StoreCommand;
import com.chairside.testsupport.store.StoreCommands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * What one consumed event costs the store: the commands sent on the consumer's thread, printed and bounded; its
 * notifications and the mails they owe are one insert.
 */
@NotificationServiceTest
class OrderEventStoreCommandsIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void anOrderChangeConsumedSendsTheStoreAFewCommands() {
		await().until(() -> kafka.consumedAll("notification-service", "chairside.orders"));
		String orderId = UUID.randomUUID().toString();
		String type = "chairside.order.OrderChanged.v1";

		List<StoreCommand> sent;
		List<StoreCommand> besides;
		try (Recording recording = StoreCommands.get().record()) {
			kafka.sendCloudEvent("chairside.orders", orderId, UUID.randomUUID().toString(), type, 3,
					Contracts.example(type, "orderId", orderId));
			await().until(() -> kafka.consumedAll("notification-service", "chairside.orders"));
			sent = recording.consumingEvents(this.mongo.getDb().getName());
			besides = recording.sentBy(this.mongo.getDb().getName(), (thread) -> !thread.contains("-C-"));
		}

		System.out.println("OrderChanged consumed: the store got " + sent.size() + " commands on the consumer's thread:\n"
				+ Recording.lines(sent) + "and " + besides.size() + " on others meanwhile:\n" + Recording.lines(besides));
		// the rules and subscriptions read when their caches' ttl has just run out, the practices' names, and the
		// notifications with their mails in one insert: no other write
		assertThat(sent).hasSizeLessThanOrEqualTo(4);
		assertThat(sent).filteredOn((command) -> !command.name().equals("find"))
			.extracting(StoreCommand::name, StoreCommand::collection)
			.containsExactly(tuple("insert", "notifications"));
	}

	@Test
	void aKnownPracticesNameIsReadOnceAndARenameAppliedHereShowsAtOnce() {
		String accountId = UUID.randomUUID().toString();
		writtenByAnotherReplica(accountId, "Bright Smiles");

		assertThat(changeOf(accountId)).as("first read from the store").isEqualTo(new Consumed(1, "Bright Smiles"));
		assertThat(changeOf(accountId)).as("then from the cache").isEqualTo(new Consumed(0, "Bright Smiles"));

		PracticeEvents.rename(accountId, 2, "Bright Smiles", "Bright Smiles of Cambridge");
		assertThat(changeOf(accountId)).as("a rename applied here, at once")
			.isEqualTo(new Consumed(0, "Bright Smiles of Cambridge"));
	}

	@Test
	void aRenameAppliedByAnotherReplicaShowsWithinTheTtl() {
		String accountId = UUID.randomUUID().toString();
		writtenByAnotherReplica(accountId, "Bright Smiles");
		assertThat(changeOf(accountId)).isEqualTo(new Consumed(1, "Bright Smiles"));

		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(accountId)),
				new Update().set("name", "Bright Smiles of Cambridge").set("sequence", 2L), "accounts");
		assertThat(changeOf(accountId)).as("within the ttl").isEqualTo(new Consumed(0, "Bright Smiles"));
		this.clock.advance(Duration.ofSeconds(61));
		// read again by this poll or, just before, by the mail dispatcher
		assertThat(changeOf(accountId).practice()).as("after it").isEqualTo("Bright Smiles of Cambridge");
	}

	@Test
	void anAccountNotFoundIsReadAgain() {
		String accountId = UUID.randomUUID().toString();
		assertThat(changeOf(accountId)).isEqualTo(new Consumed(1, null));
		assertThat(changeOf(accountId)).as("not kept as missing").isEqualTo(new Consumed(1, null));

		writtenByAnotherReplica(accountId, "Bright Smiles");
		// read by this poll or, just before, by the mail dispatcher (the earlier changes' mails wait for the name)
		assertThat(changeOf(accountId).practice()).isEqualTo("Bright Smiles");
	}

	/** The account as a replica consuming its partition of {@code chairside.accounts} keeps it. */
	private void writtenByAnotherReplica(String accountId, String name) {
		this.mongo.insert(new Document("_id", accountId).append("name", name).append("sequence", 1L), "accounts");
	}

	/**
	 * Sends an OrderChanged of a new order of {@code accountId}, alone in its poll: the reads of accounts its poll sent
	 * on the consumer's thread, and the practice its notifications name.
	 */
	private Consumed changeOf(String accountId) {
		await().until(() -> kafka.consumedAll("notification-service", "chairside.orders"));
		String orderId;
		List<StoreCommand> reads;
		try (Recording recording = StoreCommands.get().record()) {
			orderId = PracticeEvents.publishChange(accountId, "Third operatory");
			await().until(() -> kafka.consumedAll("notification-service", "chairside.orders"));
			reads = recording.consumingEvents(this.mongo.getDb().getName())
				.stream()
				.filter((command) -> command.name().equals("find") && "accounts".equals(command.collection()))
				.toList();
		}
		List<Document> notifications = this.mongo.find(Query.query(Criteria.where("orderId").is(orderId)),
				Document.class, "notifications");
		assertThat(notifications).isNotEmpty();
		List<String> practices = notifications.stream().map((notification) -> notification.getString("practice"))
			.distinct()
			.toList();
		assertThat(practices).hasSize(1);
		return new Consumed(reads.size(), practices.get(0));
	}

	/** What a consumed order change cost in reads of accounts, and the practice its notifications name. */
	private record Consumed(int accountReads, String practice) {
	}

}
