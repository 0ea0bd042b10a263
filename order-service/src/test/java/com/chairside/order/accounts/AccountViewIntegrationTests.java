package com.chairside.order.accounts;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.order.OrderFixtures;
import com.chairside.order.OrderServiceTest;
import com.chairside.testsupport.Contracts;

import static com.chairside.order.OrderFixtures.kafka;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * order-service's view of the accounts follows account-service's events from the real broker: opened, renamed, status
 * changed; a redelivered older event changes nothing, also when two replicas apply changes at once. Every status may
 * order: account-service has no closed state.
 */
@OrderServiceTest
class AccountViewIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AccountDirectory accounts;

	private static void publish(String accountId, String type, long sequence, String data) {
		assertThat(Contracts.violations("chairside.account." + type + ".v1", data)).as(type).isEmpty();
		kafka.sendCloudEvent("chairside.accounts", accountId, UUID.randomUUID().toString(),
				"chairside.account." + type + ".v1", sequence, data);
	}

	private static String opened(String accountId) {
		return Contracts.example("chairside.account.AccountOpened.v1", "accountId", accountId, "name",
				"Smile Orthodontics");
	}

	@Test
	void followsRenamesAndStatusChangesAndTakesOrdersForADormantAccount() throws Exception {
		String accountId = UUID.randomUUID().toString();
		publish(accountId, "AccountOpened", 1, opened(accountId));
		publish(accountId, "AccountUpdated", 2, """
				{"accountId":"%s","region":"NORTHEAST","changes":[{"field":"name","from":"Smile Orthodontics",
				 "to":"Smile Orthodontics of Cambridge"}],"updatedBy":"am.northeast","updatedAt":"2026-12-01T08:00:00Z"}"""
			.formatted(accountId));
		publish(accountId, "AccountStatusChanged", 3, Contracts.example("chairside.account.AccountStatusChanged.v1",
				"accountId", accountId, "previousStatus", "CUSTOMER", "status", "DORMANT", "reason", "NO_ACTIVITY"));
		// AccountOpened again (a redelivery): older than what the view has, so it changes nothing
		publish(accountId, "AccountOpened", 1, opened(accountId));
		await().until(() -> kafka.consumedAll("order-service", "chairside.accounts"));

		KnownAccount known = this.accounts.known(accountId).orElseThrow();
		assertThat(known.name()).isEqualTo("Smile Orthodontics of Cambridge");
		assertThat(known.status()).isEqualTo("DORMANT");
		assertThat(known.region()).isEqualTo("NORTHEAST");

		OrderFixtures fixtures = OrderFixtures.on(this.port);
		String id = fixtures.place(accountId);
		HttpResponse<byte[]> form = fixtures.send("GET", "/api/orders/" + id + "/form", null, "ACCOUNT_MANAGER",
				HttpResponse.BodyHandlers.ofByteArray(), "Accept", "application/pdf");
		assertThat(form.statusCode()).isEqualTo(200);
		try (PDDocument pdf = Loader.loadPDF(form.body())) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Smile Orthodontics of Cambridge");
		}
	}

	@Test
	void twoReplicasApplyingTheSameChangesAtOnceKeepTheNewest() throws Exception {
		String accountId = UUID.randomUUID().toString();
		this.accounts.rename(accountId, "Not known yet", 5);
		assertThat(this.accounts.known(accountId)).as("a change to an unknown account records nothing").isEmpty();
		List<Long> sequences = LongStream.rangeClosed(1, 30).boxed().toList();
		List<Long> reversed = new ArrayList<>(sequences);
		Collections.reverse(reversed);
		ExecutorService replicas = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> applied = new ArrayList<>();
			for (List<Long> order : List.of(sequences, reversed)) {
				applied.add(replicas.submit(() -> {
					start.await();
					for (long sequence : order) {
						if (sequence == 1) {
							this.accounts.learn(accountId, "Smile 1", "NORTHEAST", "PROSPECT", 1);
						}
						else {
							this.accounts.rename(accountId, "Smile " + sequence, sequence);
						}
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> replica : applied) {
				replica.get(1, TimeUnit.MINUTES);
			}
		}
		finally {
			replicas.shutdownNow();
		}
		this.accounts.statusChanged(accountId, "CUSTOMER", 12); // older than the newest rename: changes nothing
		this.accounts.learn(accountId, "Fetched", "NORTHEAST", "CUSTOMER", 0); // a fetched copy: older as well

		assertThat(this.accounts.known(accountId)).hasValue(
				new KnownAccount(accountId, "Smile 30", "NORTHEAST", "PROSPECT", 30));
	}

}
