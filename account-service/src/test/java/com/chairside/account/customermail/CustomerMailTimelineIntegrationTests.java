package com.chairside.account.customermail;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.account.AccountServiceTest;
import com.chairside.account.Accounts;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** notification-service's CustomerMailSent from a real broker onto the account's timeline, read over real HTTP. */
@AccountServiceTest
class CustomerMailTimelineIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final String TYPE = "chairside.notification.CustomerMailSent.v1";

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void signIn() {
		this.api = Api.local(this.port, Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
	}

	private JsonNode timeline(String accountId) {
		return this.api.get("/api/accounts/" + accountId + "/timeline").json().path("items");
	}

	@Test
	void logsTheMailToThePracticeOnItsTimelineOnce() {
		String accountId = Accounts.open(this.api);
		String mailId = UUID.randomUUID().toString();
		String sent = Contracts.example(TYPE, "customerMailId", mailId, "accountId", accountId);
		kafka.sendCloudEvent("chairside.notifications", mailId, UUID.randomUUID().toString(), TYPE, 1, sent);
		kafka.sendCloudEvent("chairside.notifications", mailId, UUID.randomUUID().toString(), TYPE, 1, sent);

		await().until(() -> timeline(accountId).size() == 1);
		JsonNode entry = timeline(accountId).get(0);
		assertThat(entry.path("type").asString()).isEqualTo("EMAIL");
		assertThat(entry.path("direction").asString()).isEqualTo("OUTBOUND");
		assertThat(entry.path("summary").asString()).isEqualTo("Your order SO-2026-000042 is confirmed");
		assertThat(entry.path("occurredAt").asString()).startsWith("2026-11-20T10:15:04");
		await().until(() -> kafka.consumedAll("account-service", "chairside.notifications"));
		assertThat(timeline(accountId)).hasSize(1);
	}

}
