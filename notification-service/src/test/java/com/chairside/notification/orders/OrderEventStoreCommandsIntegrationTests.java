package com.chairside.notification.orders;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.chairside.notification.NotificationServiceTest;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.store.Recording;
import com.chairside.testsupport.store.StoreCommand;
import com.chairside.testsupport.store.StoreCommands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What one consumed event costs the store: the commands sent on the consumer's thread, printed and bounded. */
@NotificationServiceTest
class OrderEventStoreCommandsIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	@Autowired
	MongoTemplate mongo;

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
		assertThat(sent).hasSizeLessThanOrEqualTo(5);
	}

}
