package com.chairside.account.account;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.chairside.account.AccountServiceTest;
import com.chairside.account.Accounts;
import com.chairside.account.TestClock;
import com.chairside.platform.security.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dormancy check run by several replicas at once: each account goes dormant, with one event, once. */
@AccountServiceTest
class DormancyIntegrationTests {

	private static final int ACCOUNTS = 300;

	private static final int REPLICAS = 3;

	@Autowired
	AccountManagement accounts;

	@Autowired
	Dormancy dormancy;

	@Autowired
	TestClock clock;

	@Test
	void sendsEveryQuietCustomerToDormantOnceWhenSeveralReplicasCheckAtTheSameTime() {
		CurrentUser user = new CurrentUser("am.northeast", Set.of(CurrentUser.ACCOUNT_MANAGER), "NORTHEAST", null);
		List<String> ids = IntStream.range(0, ACCOUNTS).mapToObj((i) -> {
			String id = this.accounts.open(AccountDetails.converted(null, "Quiet Practice " + i, "NORTHEAST", null,
					"Boston", "US", "am.northeast"), user).id();
			this.accounts.orderConfirmed(id, UUID.randomUUID().toString(), this.clock.instant());
			return id;
		}).toList();
		this.clock.advance(Duration.ofDays(91));

		CountDownLatch go = new CountDownLatch(1);
		long started = System.nanoTime();
		List<CompletableFuture<Integer>> replicas = IntStream.range(0, REPLICAS)
			.mapToObj((r) -> CompletableFuture.supplyAsync(() -> {
				try {
					go.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return this.dormancy.check();
			}))
			.toList();
		go.countDown();
		int transitions = replicas.stream().mapToInt(CompletableFuture::join).sum();
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("MEASURED dormancy check: %d replicas at once, %d transitions (>= %d accounts) in %d ms%n",
				REPLICAS, transitions, ACCOUNTS, millis);

		assertThat(transitions).isGreaterThanOrEqualTo(ACCOUNTS);
		for (String id : ids) {
			assertThat(this.accounts.find(id, user).status()).isEqualTo(AccountStatus.DORMANT);
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream()
			.allMatch((id) -> Accounts.events("chairside.accounts", id, "AccountStatusChanged").size() == 2));
		for (String id : ids) {
			assertThat(Accounts.events("chairside.accounts", id, "AccountStatusChanged")).as(id)
				.hasSize(2)
				.filteredOn((r) -> r.value().contains("\"status\":\"DORMANT\""))
				.hasSize(1);
		}
	}

}
