package com.chairside.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.KafkaProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An account manager's work with an account through the gateway: the buying committee filled in, calls and visits on
 * the timeline newest first, an overdue next step on their list, a demo unit booked (and refused for an overlapping
 * time), the demo completed; the events reach the broker and the sales-meeting pack counts the work.
 * <p>
 * Works its own region ({@code ACCOUNTWORK...}): other system tests count theirs.
 */
class AccountWorkSystemTests {

	static Suite suite;

	@BeforeAll
	static void start() {
		suite = Suite.get();
	}

	@Test
	void anAccountManagerWorksAnAccountThroughTheGateway() {
		// a region of its own (configured in the Suite: tokens naming unknown regions are refused)
		String region = "ACCOUNTWORK";
		String manager = "am.accountwork" + System.nanoTime() % 100000;
		Api api = suite.gateway(suite.token(manager, "ACCOUNT_MANAGER", region, null));
		String account = open(api, "Timberline Pediatric Dentistry");
		String other = open(api, "Aspen Grove Orthodontics");

		for (String role : List.of("DECISION_MAKER", "PRACTICE_MANAGER")) {
			Api.Response contact = api.post("/api/accounts/" + account + "/contacts", """
					{"name":"Contact %s","title":"Dr.","email":"%s@timberline.example","buyingRole":"%s"}"""
				.formatted(role, role.toLowerCase(), role));
			assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
		}
		JsonNode committee = api.get("/api/accounts/" + account).json().path("buyingCommittee");
		assertThat(texts(committee.path("known"))).containsExactlyInAnyOrder("DECISION_MAKER", "PRACTICE_MANAGER");
		assertThat(texts(committee.path("missing"))).contains("INFLUENCER", "PROCUREMENT")
			.doesNotContain("DECISION_MAKER");

		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String call = log(api, account, "CALL", now.minus(Duration.ofMinutes(30)), null);
		String meeting = log(api, account, "MEETING", now.minus(Duration.ofMinutes(20)), null);
		String visit = log(api, account, "VISIT", now.minus(Duration.ofMinutes(10)),
				LocalDate.now(ZoneOffset.UTC).minusDays(1));

		JsonNode first = api.get("/api/accounts/" + account + "/timeline?page=0&size=2").json();
		assertThat(first.path("total").asLong()).isEqualTo(3);
		assertThat(ids(first.path("items"))).as("newest first").containsExactly(visit, meeting);
		assertThat(ids(api.get("/api/accounts/" + account + "/timeline?page=1&size=2").json().path("items")))
			.containsExactly(call);
		assertThat(ids(api.get("/api/activities/overdue").json().path("items"))).as("the visit's next step is overdue")
			.contains(visit)
			.doesNotContain(call, meeting);

		Instant start = now.plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
		String unit = "DEMO-UNIT-" + region;
		String demo = book(api, account, unit, start, start.plus(Duration.ofHours(2)), 201).field("id");
		Api.Response clash = book(api, other, unit, start.plus(Duration.ofHours(1)), start.plus(Duration.ofHours(3)), 409);
		assertThat(clash.contentType()).startsWith("application/problem+json");
		book(api, other, unit, start.plus(Duration.ofHours(2)), start.plus(Duration.ofHours(3)), 201);
		assertThat(api.get("/api/demos?demoUnit=" + unit).json().path("items").size())
			.as("the unit's calendar holds the two bookings that do not overlap").isEqualTo(2);

		Api.Response completed = api.post("/api/demos/" + demo + "/complete",
				"{\"outcome\":\"QUOTE_REQUESTED\",\"notes\":\"Wants a quote for two operatories\"}");
		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		assertThat(completed.field("outcome")).isEqualTo("QUOTE_REQUESTED");
		JsonNode newest = api.get("/api/accounts/" + account + "/timeline?size=1").json().path("items").get(0);
		assertThat(newest.path("type").asString()).as("the completed demo on top of the timeline").isEqualTo("DEMO");

		try (KafkaProbe kafka = new KafkaProbe(suite.kafka().address())) {
			kafka.awaitRecord("chairside.demos", demo, "chairside.demo.DemoScheduled.v1");
			kafka.awaitRecord("chairside.demos", demo, "chairside.demo.DemoCompleted.v1");
		}
		String pack = "/api/reports/sales-meeting?region=" + region + "&period=" + YearMonth.now(ZoneOffset.UTC);
		await("the pack counts the work").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			JsonNode activity = api.get(pack).json().path("activity");
			JsonNode mine = activity.path("byAccountManager").path(manager);
			assertThat(mine.path("calls").asLong()).isEqualTo(1);
			assertThat(mine.path("visits").asLong()).isEqualTo(1);
			assertThat(activity.path("demos").asLong()).isEqualTo(1);
		});
	}

	private static String open(Api api, String name) {
		Api.Response account = api.post("/api/accounts", """
				{"name":"%s","specialty":"PEDIATRIC_DENTISTRY","city":"Denver","country":"US"}""".formatted(name));
		assertThat(account.status()).as(account.toString()).isEqualTo(201);
		return account.field("id");
	}

	private static String log(Api api, String account, String type, Instant at, LocalDate due) {
		String nextStep = (due != null) ? ",\"nextStep\":{\"action\":\"Send the quote\",\"due\":\"" + due + "\"}" : "";
		Api.Response logged = api.post("/api/accounts/" + account + "/activities", """
				{"type":"%s","direction":"OUTBOUND","occurredAt":"%s","summary":"%s with the practice",
				 "outcome":"Interested"%s}""".formatted(type, at, type, nextStep));
		assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
		return logged.field("id");
	}

	private static Api.Response book(Api api, String account, String unit, Instant start, Instant end, int expected) {
		Api.Response booked = api.post("/api/demos", """
				{"accountId":"%s","demoUnit":"%s","products":["TC-PD-100"],"start":"%s","end":"%s"}"""
			.formatted(account, unit, start, end));
		assertThat(booked.status()).as(booked.toString()).isEqualTo(expected);
		return booked;
	}

	private static List<String> ids(JsonNode items) {
		List<String> ids = new ArrayList<>();
		items.forEach((item) -> ids.add(item.path("id").asString()));
		return ids;
	}

	private static List<String> texts(JsonNode values) {
		List<String> texts = new ArrayList<>();
		values.forEach((value) -> texts.add(value.asString()));
		return texts;
	}

}
