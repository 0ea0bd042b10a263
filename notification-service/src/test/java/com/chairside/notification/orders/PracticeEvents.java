package com.chairside.notification.orders;

import java.util.UUID;

import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.KafkaProbe;

import static org.awaitility.Awaitility.await;

/** Account-service's events naming a practice, and order changes of its accounts, sent through the real broker. */
final class PracticeEvents {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private PracticeEvents() {
	}

	/** Opens an account named {@code name} (AccountOpened) and waits until this service has read it. */
	static String openAccount(String name) {
		String accountId = UUID.randomUUID().toString();
		kafka.sendCloudEvent("chairside.accounts", accountId, UUID.randomUUID().toString(),
				"chairside.account.AccountOpened.v1", 1,
				Contracts.example("chairside.account.AccountOpened.v1", "accountId", accountId, "name", name));
		await().until(() -> kafka.consumedAll("notification-service", "chairside.accounts"));
		return accountId;
	}

	/** Renames the account (AccountUpdated, sequence {@code sequence}) and waits until this service has read it. */
	static void rename(String accountId, long sequence, String from, String to) {
		kafka.sendCloudEvent("chairside.accounts", accountId, UUID.randomUUID().toString(),
				"chairside.account.AccountUpdated.v1", sequence,
				Contracts.example("chairside.account.AccountUpdated.v1", "accountId", accountId).replaceFirst(
						"\\{\\s*\"field\"\\s*:\\s*\"taxId\"[^}]*}",
						"{\"field\": \"name\", \"from\": \"" + from + "\", \"to\": \"" + to + "\"}"));
		await().until(() -> kafka.consumedAll("notification-service", "chairside.accounts"));
	}

	/** OrderChanged of a new order of {@code accountId}, with {@code reason}; returns the order id. */
	static String publishChange(String accountId, String reason) {
		String orderId = UUID.randomUUID().toString();
		kafka.sendCloudEvent("chairside.orders", orderId, UUID.randomUUID().toString(), "chairside.order.OrderChanged.v1",
				3, Contracts.example("chairside.order.OrderChanged.v1", "orderId", orderId, "accountId", accountId,
						"reason", reason));
		return orderId;
	}

}
