package com.chairside.order.accounts;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.order.OrderFixtures;
import com.chairside.order.OrderServiceTest;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With account-service stopped (its URL refuses connections), an order for an account known from events still goes
 * through, and one for an unknown account answers 503 problem+json with Retry-After; once the circuit is open, at once.
 */
@OrderServiceTest
class AccountCheckIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountServiceClient accountService;

	private HttpResponse<String> order(OrderFixtures fixtures, String accountId) {
		return fixtures.send("POST", "/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":1}],"requestedDeliveryDate":"2027-03-01"}"""
			.formatted(accountId), "ACCOUNT_MANAGER");
	}

	@Test
	void answersServiceUnavailableQuicklyOnceTheCircuitIsOpenAndStillTakesOrdersForKnownAccounts() {
		OrderFixtures fixtures = OrderFixtures.on(this.port);
		String known = fixtures.openedAccount();

		long closedStarted = System.nanoTime();
		HttpResponse<String> first = order(fixtures, UUID.randomUUID().toString());
		long closedMillis = (System.nanoTime() - closedStarted) / 1_000_000;
		assertThat(first.statusCode()).isEqualTo(503);
		System.out.println("MEASURED: 503 with the circuit closed (3 refused attempts) answered in " + closedMillis + " ms");
		assertThat(first.headers().firstValue("Content-Type")).get().asString().contains("application/problem+json");
		assertThat(first.headers().firstValue("Retry-After")).contains("10");
		assertThat(first.body()).contains("ACCOUNT_SERVICE_UNAVAILABLE");
		for (int i = 0; i < 5 && this.accountService.state() != CircuitBreaker.State.OPEN; i++) {
			assertThat(order(fixtures, UUID.randomUUID().toString()).statusCode()).isEqualTo(503);
		}
		assertThat(this.accountService.state()).isEqualTo(CircuitBreaker.State.OPEN);

		long started = System.nanoTime();
		HttpResponse<String> open = order(fixtures, UUID.randomUUID().toString());
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(open.statusCode()).isEqualTo(503);
		assertThat(open.headers().firstValue("Retry-After")).contains("10");
		assertThat(open.body()).contains("CallNotPermittedException");
		assertThat(millis).as("answered with the circuit open in %d ms", millis).isLessThan(500);
		System.out.println("MEASURED: 503 with the circuit open answered in " + millis + " ms");

		assertThat(order(fixtures, known).statusCode()).as("an account known from events").isEqualTo(201);
	}

}
