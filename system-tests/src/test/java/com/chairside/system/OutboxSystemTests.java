package com.chairside.system;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox under a broker outage: a lead captured while the broker is down is acknowledged, kept in the lead's
 * document, and published once the broker is back; the projections then count it. Runs after the flow tests: it stops the broker.
 */
@Order(3)
class OutboxSystemTests {

	static Suite suite;

	@BeforeAll
	static void start() {
		suite = Suite.get();
	}

	@Test
	void anEventWrittenWhileTheBrokerIsDownIsPublishedOnceItIsBack() {
		Api api = suite.accountManager("MIDWEST");
		String before = capture(api, "Lakeside Pediatric Dentistry");
		try (KafkaProbe kafka = new KafkaProbe(suite.kafka().address())) {
			List<Received> leads = kafka.follow("chairside.leads");
			await().atMost(Duration.ofSeconds(30)).until(() -> leads.stream().anyMatch(r -> before.equals(r.key())));
		}

		suite.kafka().stop();
		String during = capture(api, "Prairie Oral Surgery");
		assertThat(api.get("/api/leads/" + during).field("status")).isEqualTo("NEW");

		suite.kafka().start();
		await("the broker back").atMost(Duration.ofSeconds(60)).until(suite.kafka()::isReady);
		try (KafkaProbe kafka = new KafkaProbe(suite.kafka().address())) {
			List<Received> leads = kafka.follow("chairside.leads");
			await().atMost(Duration.ofSeconds(90)).until(() -> leads.stream().anyMatch(r -> during.equals(r.key())));
			assertThat(leads.stream().filter(r -> before.equals(r.key()))).as("published before the outage, not lost").isNotEmpty();
		}
		await().atMost(Duration.ofSeconds(90))
			.until(() -> api.get("/api/reports/pipeline?region=MIDWEST").json().path("leadsByStatus").path("NEW").asLong() == 2);
	}

	private static String capture(Api api, String practice) {
		Api.Response lead = api.post("/api/leads", """
				{"practiceName":"%s","specialty":"PEDIATRIC_DENTISTRY","region":"MIDWEST","source":"INBOUND_WEB",
				 "city":"Chicago","country":"US","productInterests":["EXAM_CHAIR"]}""".formatted(practice));
		assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
		return lead.field("id");
	}

}
