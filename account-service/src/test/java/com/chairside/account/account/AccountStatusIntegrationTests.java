package com.chairside.account.account;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.account.AccountServiceTest;
import com.chairside.account.Accounts;
import com.chairside.account.TestClock;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Prospect → customer on the first confirmed order (read from order-service's example), → dormant, → customer. */
@AccountServiceTest
class AccountStatusIntegrationTests {

	private static final String ORDER_CONFIRMED = "chairside.order.OrderConfirmed.v1";

	private static final String STATUS_CHANGED = "chairside.account.AccountStatusChanged.v1";

	private static final KafkaProbe kafka = KafkaProbe.shared();

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	@Autowired
	Dormancy dormancy;

	Api api;

	@BeforeEach
	void signIn() {
		this.api = Api.local(this.port, Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
	}

	private void confirmOrder(String accountId, String orderId, String ceId) {
		kafka.sendCloudEvent("chairside.orders", orderId, ceId, ORDER_CONFIRMED, 3,
				Contracts.example(ORDER_CONFIRMED, "orderId", orderId, "accountId", accountId));
	}

	private String status(String accountId) {
		return this.api.get("/api/accounts/" + accountId).field("status");
	}

	@Test
	void becomesACustomerOnItsFirstConfirmedOrderOnceWhateverTheRedeliveries() {
		String accountId = Accounts.open(this.api);
		assertThat(status(accountId)).isEqualTo("PROSPECT");
		String orderId = UUID.randomUUID().toString();
		String ceId = UUID.randomUUID().toString();

		confirmOrder(accountId, orderId, ceId);
		confirmOrder(accountId, orderId, ceId);
		confirmOrder(accountId, orderId, UUID.randomUUID().toString());
		kafka.sendCloudEvent("chairside.orders", orderId, UUID.randomUUID().toString(), "chairside.order.OrderPlaced.v1",
				1, Contracts.example("chairside.order.OrderPlaced.v1", "orderId", orderId, "accountId", accountId));

		await().until(() -> "CUSTOMER".equals(status(accountId)));
		await().until(() -> kafka.consumedAll("account-service", "chairside.orders"));
		Received changed = Accounts.awaitConforming("chairside.accounts", accountId, STATUS_CHANGED);
		assertThat(changed.value()).contains("\"previousStatus\":\"PROSPECT\"", "\"status\":\"CUSTOMER\"",
				"\"reason\":\"FIRST_ORDER_CONFIRMED\"", orderId);
		assertThat(changed.header("ce_causationid")).isEqualTo(ceId);
		assertThat(Accounts.events("chairside.accounts", accountId, "AccountStatusChanged")).as("changed once").hasSize(1);

		// a second order keeps it a customer, with no new status event
		confirmOrder(accountId, UUID.randomUUID().toString(), UUID.randomUUID().toString());
		await().until(() -> kafka.consumedAll("account-service", "chairside.orders"));
		assertThat(status(accountId)).isEqualTo("CUSTOMER");
		assertThat(Accounts.events("chairside.accounts", accountId, "AccountStatusChanged")).hasSize(1);
	}

	@Test
	void goesDormantAfterTheQuietPeriodOnceAndIsACustomerAgainOnItsNextActivity() {
		String customer = Accounts.open(this.api);
		String prospect = Accounts.open(this.api);
		confirmOrder(customer, UUID.randomUUID().toString(), UUID.randomUUID().toString());
		await().until(() -> "CUSTOMER".equals(status(customer)));

		this.clock.advance(Duration.ofDays(89));
		this.dormancy.check();
		assertThat(status(customer)).as("89 quiet days are not enough").isEqualTo("CUSTOMER");

		this.clock.advance(Duration.ofDays(2));
		assertThat(this.dormancy.check()).isPositive();
		this.dormancy.check(); // a second run, as another replica would: nothing more happens
		assertThat(status(customer)).isEqualTo("DORMANT");
		assertThat(status(prospect)).as("a prospect that goes quiet stays a prospect").isEqualTo("PROSPECT");
		await().until(() -> Accounts.events("chairside.accounts", customer, "AccountStatusChanged").size() == 2);
		Received dormant = Accounts.events("chairside.accounts", customer, "AccountStatusChanged").get(1);
		assertThat(Contracts.violations(STATUS_CHANGED, dormant.value())).isEmpty();
		assertThat(dormant.value()).contains("\"status\":\"DORMANT\"", "\"reason\":\"NO_ACTIVITY\"");

		assertThat(this.api.post("/api/accounts/" + customer + "/activities", """
				{"type":"CALL","direction":"INBOUND","occurredAt":"%s","summary":"Asks about a second chair"}"""
			.formatted(this.clock.instant())).status()).isEqualTo(201);
		assertThat(status(customer)).isEqualTo("CUSTOMER");
		await().until(() -> Accounts.events("chairside.accounts", customer, "AccountStatusChanged").size() == 3);
		assertThat(Accounts.events("chairside.accounts", customer, "AccountStatusChanged").get(2).value())
			.contains("\"previousStatus\":\"DORMANT\"", "\"status\":\"CUSTOMER\"", "\"reason\":\"ACTIVITY\"");
		assertThat(Accounts.events("chairside.accounts", customer, "AccountStatusChanged")).hasSize(3);
	}

	@Test
	void aDormantAccountIsACustomerAgainOnItsNextConfirmedOrder() {
		String accountId = Accounts.open(this.api);
		confirmOrder(accountId, UUID.randomUUID().toString(), UUID.randomUUID().toString());
		await().until(() -> "CUSTOMER".equals(status(accountId)));
		this.clock.advance(Duration.ofDays(91));
		this.dormancy.check();
		assertThat(status(accountId)).isEqualTo("DORMANT");

		String orderId = UUID.randomUUID().toString();
		confirmOrder(accountId, orderId, UUID.randomUUID().toString());
		await().until(() -> "CUSTOMER".equals(status(accountId)));
		await().until(() -> Accounts.events("chairside.accounts", accountId, "AccountStatusChanged").size() == 3);
		assertThat(Accounts.events("chairside.accounts", accountId, "AccountStatusChanged").get(2).value())
			.contains("\"reason\":\"ORDER_CONFIRMED\"", orderId);
	}

}
