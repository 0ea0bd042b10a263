package com.chairside.order.order;

import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.chairside.order.OrderFixtures;
import com.chairside.order.OrderServiceTest;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.store.Recording;
import com.chairside.testsupport.store.StoreCommand;
import com.chairside.testsupport.store.StoreCommands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an order change costs the store, printed and bounded: the commands sent while the request is served, and those
 * the outbox relay sends to publish its event (the save hands the event over, so the relay only pulls what it
 * published, on a client of its own so that it never waits behind the request threads).
 */
@OrderServiceTest
class OrderStoreCommandsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Test
	void anOrderChangeSendsTheStoreAFewCommandsUntilItsEventIsOut() {
		OrderFixtures fixtures = OrderFixtures.on(this.port);
		Api api = fixtures.as("ACCOUNT_MANAGER");
		String id = fixtures.place(fixtures.openedAccount());
		await().until(() -> pendingEvents(id).isEmpty()); // the placing's events are out before the change

		List<StoreCommand> serving;
		List<StoreCommand> relaying;
		try (Recording recording = StoreCommands.get().record()) {
			Api.Response changed = api.patch("/api/orders/" + id, """
					{"reason":"Practice adds a third operatory","lines":[{"sku":"TC-ORTHO-200","quantity":3}]}""");
			assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
			await().until(() -> pendingEvents(id).isEmpty());
			String database = this.mongo.getDb().getName();
			serving = recording.servingRequests(database);
			// the sweep's scan for forgotten events runs on its clock, not per change
			relaying = recording.sentBy(database, Set.of("outbox-relay", "outbox-pull")::contains)
				.stream()
				.filter((command) -> !command.origin().startsWith("OutboxSweep."))
				.toList();
		}

		System.out.println("PATCH /api/orders/{id} sent the store " + serving.size() + " commands:\n"
				+ Recording.lines(serving) + "and the outbox relay " + relaying.size() + " to publish its event:\n"
				+ Recording.lines(relaying));
		assertThat(serving).hasSizeLessThanOrEqualTo(3);
		assertThat(relaying).as("the change's event handed over by the save, not read back")
			.extracting(StoreCommand::name)
			.containsExactly("update");
		assertThat(relaying).extracting(StoreCommand::client)
			.as("the relay's own client")
			.doesNotContainAnyElementsOf(serving.stream().map(StoreCommand::client).toList());
	}

	private List<?> pendingEvents(String id) {
		Document order = this.mongo.getCollection("orders").find(new Document("_id", id)).first();
		return (order == null) ? List.of() : order.getList("pendingEvents", Object.class, List.of());
	}

}
