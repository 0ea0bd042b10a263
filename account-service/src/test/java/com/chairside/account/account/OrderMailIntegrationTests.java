package com.chairside.account.account;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.account.AccountServiceTest;
import com.chairside.account.Accounts;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The practice's order-mail recipient over real HTTP, published as OrderMailRecipientChanged on a real broker. */
@AccountServiceTest
class OrderMailIntegrationTests {

	private static final String TYPE = "chairside.account.OrderMailRecipientChanged.v1";

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void signIn() {
		this.api = Api.local(this.port, Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
	}

	private List<Received> published(String accountId) {
		return Accounts.events("chairside.accounts", accountId, "OrderMailRecipientChanged");
	}

	@Test
	void writesAGermanPracticeInGermanByDefault() {
		String accountId = Accounts.open(this.api, """
				{"name":"Zahnarztpraxis Dr. Huber","specialty":"ORTHODONTICS","city":"München","country":"DE"}""");

		assertThat(this.api.get("/api/accounts/" + accountId + "/order-mail").json().path("language").asString())
			.isEqualTo("de");
		String contactId = this.api.post("/api/accounts/" + accountId + "/contacts", """
				{"name":"Anna Huber","email":"anna@praxis-huber.example","buyingRole":"PRACTICE_MANAGER"}""")
			.field("id");
		assertThat(this.api.send("PUT", "/api/accounts/" + accountId + "/order-mail",
				"{\"contactId\":\"" + contactId + "\"}").status()).isEqualTo(200);

		Received marked = Accounts.awaitConforming("chairside.accounts", accountId, TYPE);
		assertThat(marked.value()).contains("\"language\":\"de\"", "anna@praxis-huber.example");
	}

	@Test
	void publishesTheMarkedContactAndNobodyOnceTheyOptOut() {
		String accountId = Accounts.open(this.api);
		String contactId = this.api.post("/api/accounts/" + accountId + "/contacts", """
				{"name":"Dana Reyes","email":"dana@harbor-dental.example","buyingRole":"PRACTICE_MANAGER"}""")
			.field("id");

		Api.Response marked = this.api.send("PUT", "/api/accounts/" + accountId + "/order-mail",
				"{\"contactId\":\"" + contactId + "\",\"language\":\"en\"}");
		assertThat(marked.status()).as(marked.toString()).isEqualTo(200);
		assertThat(marked.json().path("email").asString()).isEqualTo("dana@harbor-dental.example");
		await().until(() -> published(accountId).stream().anyMatch((r) -> r.value().contains("dana@harbor-dental")));

		Api.Response out = this.api.post("/api/accounts/" + accountId + "/contacts/" + contactId + "/opt-out", "");
		assertThat(out.status()).as(out.toString()).isEqualTo(200);
		assertThat(out.json().path("email").isNull()).isTrue();
		await().until(() -> published(accountId).size() == 2);
		Received last = published(accountId).get(1);
		assertThat(last.value()).contains("\"email\":null", "\"contactId\":\"" + contactId + "\"");

		assertThat(this.api.post("/api/accounts/" + accountId + "/contacts/" + contactId + "/opt-in", "").json()
			.path("email").asString()).isEqualTo("dana@harbor-dental.example");
	}

	@Test
	void rejectsAnUnknownContactAndLanguage() {
		String accountId = Accounts.open(this.api);

		assertThat(this.api.send("PUT", "/api/accounts/" + accountId + "/order-mail", "{\"contactId\":\"nobody\"}")
			.status()).isEqualTo(404);
		assertThat(this.api.send("PUT", "/api/accounts/" + accountId + "/order-mail", "{\"language\":\"fr\"}")
			.status()).isEqualTo(400);
		assertThat(this.api.post("/api/accounts/" + accountId + "/contacts/nobody/opt-out", "").status())
			.isEqualTo(404);
	}

}
