package com.chairside.account.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.account.AccountServiceTest;
import com.chairside.account.Accounts;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;

/** Demos through real HTTP: a demo unit is never booked twice for overlapping times, even by concurrent requests. */
@AccountServiceTest
class DemoIntegrationTests {

	private static final Instant MONDAY = Instant.parse("2027-01-04T09:00:00Z");

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void signIn() {
		this.api = Api.local(this.port, Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
	}

	private Api.Response book(String accountId, String unit, Instant start, Instant end) {
		return this.api.post("/api/demos", """
				{"accountId":"%s","demoUnit":"%s","products":["TC-ORTHO-500","DU-CLASSIC"],"start":"%s","end":"%s"}"""
			.formatted(accountId, unit, start, end));
	}

	@Test
	void refusesAnOverlappingBookingOfTheSameDemoUnitWith409() {
		String accountId = Accounts.open(this.api);
		String unit = "DEMO-" + UUID.randomUUID();
		Api.Response first = book(accountId, unit, MONDAY, MONDAY.plus(3, ChronoUnit.HOURS));
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.field("status")).isEqualTo("SCHEDULED");

		Api.Response overlapping = book(accountId, unit, MONDAY.plus(2, ChronoUnit.HOURS), MONDAY.plus(5, ChronoUnit.HOURS));
		assertThat(overlapping.status()).as(overlapping.toString()).isEqualTo(409);
		assertThat(overlapping.contentType()).contains("problem+json");
		assertThat(book(accountId, unit, MONDAY.minus(1, ChronoUnit.HOURS), MONDAY.plus(4, ChronoUnit.HOURS)).status())
			.as("enclosing").isEqualTo(409);
		assertThat(book(accountId, unit, MONDAY.plus(3, ChronoUnit.HOURS), MONDAY.plus(4, ChronoUnit.HOURS)).status())
			.as("right after").isEqualTo(201);
		assertThat(book(accountId, "DEMO-" + UUID.randomUUID(), MONDAY, MONDAY.plus(3, ChronoUnit.HOURS)).status())
			.as("another unit").isEqualTo(201);
		assertThat(book(accountId, unit, MONDAY.plus(9, ChronoUnit.HOURS), MONDAY.plus(8, ChronoUnit.HOURS)).status())
			.as("ends before it starts").isEqualTo(400);
		assertThat(this.api.as(Infrastructure.get().departmentToken("prod.lead", "PRODUCTION"))
			.post("/api/demos", "{}").status()).as("departments do not book demos").isEqualTo(403);
		assertThat(this.api.as(null).post("/api/demos", "{}").status()).isEqualTo(401);
		assertThat(book(UUID.randomUUID().toString(), unit, MONDAY.plus(20, ChronoUnit.HOURS), MONDAY.plus(21, ChronoUnit.HOURS))
			.status()).as("unknown account").isEqualTo(404);

		Api.Response calendar = this.api.get("/api/demos?demoUnit=" + unit);
		assertThat(calendar.json().path("items").findValuesAsString("start")).hasSize(2);
		assertThat(calendar.json().path("items").findValuesAsString("id").get(0)).isEqualTo(first.field("id"));
		assertThat(this.api.get("/api/demos?accountId=" + accountId).json().path("total").asInt()).isEqualTo(3);
		assertThat(this.api.as(Infrastructure.get().token("am.west", "ACCOUNT_MANAGER", "WEST"))
			.get("/api/demos?demoUnit=" + unit).json().path("items")).isEmpty();
		assertThat(this.api.get("/api/demos").status()).isEqualTo(400);

		Received scheduled = Accounts.awaitConforming("chairside.demos", first.field("id"),
				"chairside.demo.DemoScheduled.v1");
		assertThat(scheduled.value()).contains(unit, accountId);
	}

	@Test
	void letsOnlyOneOfManyConcurrentOverlappingBookingsSucceed() throws Exception {
		String accountId = Accounts.open(this.api);
		String unit = "DEMO-" + UUID.randomUUID();
		CountDownLatch go = new CountDownLatch(1);
		List<CompletableFuture<Integer>> requests = java.util.stream.IntStream.range(0, 8)
			.mapToObj((i) -> CompletableFuture.supplyAsync(() -> {
				try {
					go.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return book(accountId, unit, MONDAY.plus(i * 10, ChronoUnit.MINUTES),
						MONDAY.plus(120 + i * 10, ChronoUnit.MINUTES)).status();
			}))
			.toList();
		go.countDown();
		List<Integer> statuses = requests.stream().map(CompletableFuture::join).toList();
		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses).filteredOn((s) -> s == 201).hasSize(1);
	}

	@Test
	void keepsEveryOneOfManyConcurrentBookingsOfDisjointSlots() {
		String accountId = Accounts.open(this.api);
		String unit = "DEMO-" + UUID.randomUUID();
		long started = System.nanoTime();
		List<Integer> statuses = java.util.stream.IntStream.range(0, 20)
			.parallel()
			.mapToObj((i) -> book(accountId, unit, MONDAY.plus(i, ChronoUnit.HOURS), MONDAY.plus(i + 1, ChronoUnit.HOURS))
				.status())
			.toList();
		System.out.printf("MEASURED demo bookings: 20 concurrent requests for disjoint slots of one unit in %d ms%n",
				(System.nanoTime() - started) / 1_000_000);
		assertThat(statuses).containsOnly(201);
		assertThat(book(accountId, unit, MONDAY.plus(30, ChronoUnit.MINUTES), MONDAY.plus(19, ChronoUnit.HOURS)).status())
			.as("every slot is taken").isEqualTo(409);
	}

	@Test
	void completesADemoWithItsOutcomeAndPutsItOnTheTimeline() {
		String accountId = Accounts.open(this.api);
		String demoId = book(accountId, "DEMO-" + UUID.randomUUID(), MONDAY, MONDAY.plus(2, ChronoUnit.HOURS)).field("id");

		Api.Response completed = this.api.post("/api/demos/" + demoId + "/complete",
				"{\"outcome\":\"QUOTE_REQUESTED\",\"notes\":\"Wants two chairs\"}");
		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		assertThat(completed.field("status")).isEqualTo("COMPLETED");
		assertThat(completed.field("outcome")).isEqualTo("QUOTE_REQUESTED");
		assertThat(this.api.post("/api/demos/" + demoId + "/complete", "{\"outcome\":\"NO_INTEREST\"}").status())
			.as("completed once").isEqualTo(422);
		assertThat(this.api.post("/api/demos/" + demoId + "/complete", "{\"outcome\":\"MAYBE\"}").status()).isEqualTo(400);

		assertThat(this.api.get("/api/accounts/" + accountId + "/timeline").json().path("items").findValuesAsString("type"))
			.containsExactly("DEMO");
		Received event = Accounts.awaitConforming("chairside.demos", demoId, "chairside.demo.DemoCompleted.v1");
		assertThat(event.value()).contains("QUOTE_REQUESTED").doesNotContain("Wants two chairs");
	}

}
