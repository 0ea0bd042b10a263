package com.chairside.reporting.projection;

import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.ServiceIntegrationTest;
import com.chairside.testsupport.store.Recording;
import com.chairside.testsupport.store.StoreCommand;
import com.chairside.testsupport.store.StoreCommands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the live order projection costs the store per OrderChanged event from a real broker, each event in a poll of
 * its own (as at a low rate): the commands sent on the consumer's thread on the projection's collection, printed and
 * bounded; and the redelivered and older events that come after them still change nothing.
 */
@ServiceIntegrationTest
class LiveProjectionStoreCommandsIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final String ORDERS = "chairside.orders";

	private static final int CHANGES = 5;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ActiveCollections active;

	private final String region = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();

	private void order(String event, String orderId, long sequence, String ceId) {
		String type = "chairside.order." + event + ".v1";
		kafka.sendCloudEvent(ORDERS, orderId, ceId, type, sequence,
				Contracts.example(type, "orderId", orderId, "region", this.region));
	}

	private Document figures(String orderId) {
		return this.mongo.findById(orderId, Document.class, this.active.of("orders"));
	}

	private boolean holds(String orderId, long sequence) {
		Document figures = figures(orderId);
		return figures != null && Long.valueOf(sequence).equals(figures.get("sequence"));
	}

	@Test
	void anOrderChangeCostsTheLiveProjectionOneUpdateAndNoRead() {
		await().until(() -> kafka.consumedAll("reporting-service", ORDERS));
		String orderId = UUID.randomUUID().toString();
		order("OrderPlaced", orderId, 1, UUID.randomUUID().toString());
		await().until(() -> holds(orderId, 1));
		String collection = this.active.of("orders");
		String[] changes = new String[CHANGES + 2];

		List<StoreCommand> sent;
		try (Recording recording = StoreCommands.get().record()) {
			for (int sequence = 2; sequence < CHANGES + 2; sequence++) {
				changes[sequence] = UUID.randomUUID().toString();
				order("OrderChanged", orderId, sequence, changes[sequence]);
				long applied = sequence;
				await().until(() -> holds(orderId, applied));
			}
			sent = recording.consumingEvents(this.mongo.getDb().getName())
				.stream()
				.filter((command) -> collection.equals(command.collection()))
				.toList();
		}

		System.out.println(CHANGES + " OrderChanged events, a poll each: the store got " + sent.size() + " commands on "
				+ collection + " from the consumer:\n" + Recording.lines(sent));
		assertThat(sent).extracting(StoreCommand::name).containsOnly("update");
		assertThat(sent).hasSizeLessThanOrEqualTo(CHANGES);

		order("OrderChanged", orderId, 3, changes[3]); // redelivered
		order("OrderChanged", orderId, 2, UUID.randomUUID().toString()); // older than the one applied
		order("OrderChanged", orderId, CHANGES + 2, UUID.randomUUID().toString());
		await().until(() -> holds(orderId, CHANGES + 2) && kafka.consumedAll("reporting-service", ORDERS));
		Document figures = figures(orderId);
		assertThat(figures.get("changes")).isEqualTo(CHANGES + 1);
		assertThat(figures.getList("changeLog", Document.class)).hasSize(CHANGES + 1);
	}

}
