package com.chairside.order.order;

import java.util.List;

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

/** What an order change costs the store: the commands sent while the request is served, printed and bounded. */
@OrderServiceTest
class OrderStoreCommandsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Test
	void anOrderChangeSendsTheStoreAFewCommands() {
		OrderFixtures fixtures = OrderFixtures.on(this.port);
		Api api = fixtures.as("ACCOUNT_MANAGER");
		String id = fixtures.place(fixtures.openedAccount());

		List<StoreCommand> sent;
		try (Recording recording = StoreCommands.get().record()) {
			Api.Response changed = api.patch("/api/orders/" + id, """
					{"reason":"Practice adds a third operatory","lines":[{"sku":"TC-ORTHO-200","quantity":3}]}""");
			assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
			sent = recording.servingRequests(this.mongo.getDb().getName());
		}

		System.out.println("PATCH /api/orders/{id} sent the store " + sent.size() + " commands:\n" + Recording.lines(sent));
		assertThat(sent).hasSizeLessThanOrEqualTo(5);
	}

}
