package com.chairside.account.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.account.AccountServiceTest;
import com.chairside.account.Accounts;
import com.chairside.account.TestClock;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;

/** Activities through real HTTP: logged with their event, the timeline newest first, overdue next steps per owner. */
@AccountServiceTest
class ActivityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	Api api;

	String owner;

	@BeforeEach
	void signIn() {
		this.owner = "am." + java.util.UUID.randomUUID();
		this.api = Api.local(this.port, Infrastructure.get().token(this.owner, "ACCOUNT_MANAGER", "NORTHEAST"));
	}

	private Api.Response log(String accountId, String type, Instant at, LocalDate due) {
		String next = (due != null) ? ",\"nextStep\":{\"action\":\"Send the quote\",\"due\":\"" + due + "\"}" : "";
		return this.api.post("/api/accounts/" + accountId + "/activities", """
				{"type":"%s","direction":"OUTBOUND","occurredAt":"%s","participants":["am.northeast","Dr. Peña"],
				 "summary":"Showed the new chair","outcome":"Interested"%s}""".formatted(type, at, next));
	}

	@Test
	void logsAnActivityAndShowsTheTimelineNewestFirst() {
		String accountId = Accounts.open(this.api);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		Api.Response visit = log(accountId, "VISIT", now.minus(2, ChronoUnit.DAYS), null);
		assertThat(visit.status()).as(visit.toString()).isEqualTo(201);
		assertThat(visit.header("Location")).isPresent();
		assertThat(log(accountId, "CALL", now.minus(1, ChronoUnit.DAYS), null).status()).isEqualTo(201);
		assertThat(log(accountId, "EMAIL", now.minus(3, ChronoUnit.DAYS), null).status()).isEqualTo(201);
		assertThat(this.api.post("/api/accounts/" + accountId + "/activities", """
				{"type":"SMOKE_SIGNAL","occurredAt":"2026-01-01T00:00:00Z"}""").status()).isEqualTo(400);

		Api.Response timeline = this.api.get("/api/accounts/" + accountId + "/timeline?size=2");
		assertThat(timeline.json().path("total").asInt()).isEqualTo(3);
		assertThat(timeline.json().path("items").findValuesAsString("type")).containsExactly("CALL", "VISIT");
		assertThat(this.api.get("/api/accounts/" + accountId + "/timeline?size=2&page=1").json().path("items")
			.findValuesAsString("type")).containsExactly("EMAIL");
		assertThat(this.api.as(Infrastructure.get().token("am.west", "ACCOUNT_MANAGER", "WEST"))
			.get("/api/accounts/" + accountId + "/timeline").status()).isEqualTo(404);

		Received logged = Accounts.awaitConforming("chairside.accounts", accountId,
				"chairside.account.ActivityLogged.v1");
		assertThat(logged.value()).contains(visit.field("id"), "\"type\":\"VISIT\"").doesNotContain("Dr. Peña");
	}

	@Test
	void listsTheOverdueNextStepsOfTheSignedInAccountManagerOrAnyoneForManagers() {
		String accountId = Accounts.open(this.api);
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		String overdue = log(accountId, "VISIT", this.clock.instant(), today.minusDays(2)).field("id");
		log(accountId, "CALL", this.clock.instant(), today.plusDays(5));
		log(accountId, "EMAIL", this.clock.instant(), null);

		Api.Response mine = this.api.get("/api/activities/overdue");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.json().path("items").findValuesAsString("id")).containsExactly(overdue);

		assertThat(this.api.get("/api/activities/overdue?owner=am.someone.else").status()).isEqualTo(403);
		Api manager = this.api.as(Infrastructure.get().token("sm.east", "SALES_MANAGER", null));
		assertThat(manager.get("/api/activities/overdue?owner=" + this.owner).json().path("items").findValuesAsString("id"))
			.containsExactly(overdue);

		assertThat(this.api.post("/api/activities/" + overdue + "/next-step/done", null).status()).isEqualTo(200);
		assertThat(this.api.get("/api/activities/overdue").json().path("items")).isEmpty();
	}

}
