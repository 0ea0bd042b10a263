package com.chairside.account.demo;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.account.AccountServiceTest;
import com.chairside.account.Accounts;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Demos for leads: account-service learns the leads and their regions from lead-service's events on the real broker,
 * books a lead's demo over real HTTP, and moves it to the account when the lead is converted.
 */
@AccountServiceTest
class LeadDemoIntegrationTests {

	private static final Instant THURSDAY = Instant.parse("2027-03-04T13:00:00Z");

	private static final KafkaProbe kafka = KafkaProbe.shared();

	@LocalServerPort
	int port;

	Api api;

	String leadId;

	@BeforeEach
	void signIn() {
		this.api = Api.local(this.port, Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
		this.leadId = UUID.randomUUID().toString();
	}

	private void publish(String event, long sequence, String... fields) {
		String type = "chairside.lead." + event + ".v1";
		String[] withLead = new String[fields.length + 2];
		withLead[0] = "leadId";
		withLead[1] = this.leadId;
		System.arraycopy(fields, 0, withLead, 2, fields.length);
		kafka.sendCloudEvent("chairside.leads", this.leadId, UUID.randomUUID().toString(), type, sequence,
				Contracts.example(type, withLead));
	}

	private Api.Response bookForLead(Api api, String unit, int fromHour) {
		return api.post("/api/demos", """
				{"leadId":"%s","demoUnit":"%s","products":["TC-ORTHO-500"],"start":"%s","end":"%s"}"""
			.formatted(this.leadId, unit, THURSDAY.plusSeconds(fromHour * 3600L),
					THURSDAY.plusSeconds((fromHour + 1) * 3600L)));
	}

	@Test
	void booksADemoForACapturedLeadAndMovesItToTheAccountTheLeadIsConvertedInto() {
		String unit = "DEMO-" + UUID.randomUUID();
		assertThat(bookForLead(this.api, unit, 0).status()).as("a lead not known (yet)").isEqualTo(404);

		publish("LeadCaptured", 1, "region", "NORTHEAST");
		Api.Response booked = await().until(() -> bookForLead(this.api, unit, 0), (r) -> r.status() != 404);
		assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
		String demoId = booked.field("id");
		assertThat(booked.field("leadId")).isEqualTo(this.leadId);
		assertThat(booked.json().path("accountId").isNull()).isTrue();
		assertThat(booked.field("region")).isEqualTo("NORTHEAST");
		assertThat(this.api.get("/api/demos?leadId=" + this.leadId).json().path("items").findValuesAsString("id"))
			.containsExactly(demoId);
		JsonNode scheduled = DemoChangeIntegrationTests.payload(
				Accounts.awaitConforming("chairside.demos", demoId, "chairside.demo.DemoScheduled.v1"));
		assertThat(scheduled.path("leadId").asString()).isEqualTo(this.leadId);
		assertThat(scheduled.path("accountId").isNull()).isTrue();

		String accountId = UUID.randomUUID().toString();
		publish("LeadConverted", 4, "accountId", accountId, "region", "NORTHEAST");
		await().until(() -> accountId.equals(this.api.get("/api/demos/" + demoId).field("accountId")));
		assertThat(this.api.get("/api/demos?accountId=" + accountId).json().path("items").findValuesAsString("id"))
			.as("the account's demos").containsExactly(demoId);
		assertThat(this.api.get("/api/accounts/" + accountId).status()).isEqualTo(200);

		assertThat(this.api.post("/api/demos/" + demoId + "/cancel", "{\"reason\":\"Bought without a demo\"}").status())
			.isEqualTo(200);
		JsonNode cancelled = DemoChangeIntegrationTests.payload(
				Accounts.awaitConforming("chairside.demos", demoId, "chairside.demo.DemoCancelled.v1"));
		assertThat(cancelled.path("accountId").asString()).as("events carry the account from now on").isEqualTo(accountId);
		assertThat(cancelled.path("leadId").asString()).isEqualTo(this.leadId);

		Api.Response afterConversion = bookForLead(this.api, unit, 3);
		assertThat(afterConversion.status()).as(afterConversion.toString()).isEqualTo(201);
		assertThat(afterConversion.field("accountId")).as("a converted lead's demo is the account's").isEqualTo(accountId);
	}

	@Test
	void takesALeadsDemosAlongWhenTheLeadMovesRegionAndIgnoresOlderEvents() {
		String unit = "DEMO-" + UUID.randomUUID();
		publish("LeadCaptured", 1, "region", "NORTHEAST");
		String demoId = await().until(() -> bookForLead(this.api, unit, 0), (r) -> r.status() != 404).field("id");
		Api west = this.api.as(Infrastructure.get().token("am.west", "ACCOUNT_MANAGER", "WEST"));
		assertThat(west.get("/api/demos/" + demoId).status()).isEqualTo(404);
		assertThat(bookForLead(west, unit, 2).status()).as("another region's lead").isEqualTo(404);

		publish("LeadAssigned", 3, "region", "WEST");
		await().until(() -> west.get("/api/demos/" + demoId).status() == 200);
		publish("LeadUpdated", 2, "region", "NORTHEAST"); // older than the assignment: changes nothing
		publish("LeadUpdated", 5, "region", "WEST");
		await().until(() -> kafka.consumedAll("account-service", "chairside.leads"));
		assertThat(west.get("/api/demos/" + demoId).field("region")).isEqualTo("WEST");
		assertThat(this.api.get("/api/demos/" + demoId).status()).isEqualTo(404);
		assertThat(bookForLead(west, unit, 2).status()).isEqualTo(201);
	}

	@Test
	void refusesABookingForBothOrNeitherOfAnAccountAndALead() {
		String both = this.api.post("/api/demos", """
				{"accountId":"%s","leadId":"%s","demoUnit":"DEMO-1","products":["TC-ORTHO-500"],
				"start":"2027-03-04T13:00:00Z","end":"2027-03-04T14:00:00Z"}""".formatted(UUID.randomUUID(), this.leadId))
			.toString();
		assertThat(both).startsWith("400");
		Api.Response neither = this.api.post("/api/demos", """
				{"demoUnit":"DEMO-1","products":["TC-ORTHO-500"],"start":"2027-03-04T13:00:00Z","end":"2027-03-04T14:00:00Z"}""");
		assertThat(neither.status()).isEqualTo(400);
		assertThat(neither.json().path("errors").findValuesAsString("field")).contains("accountId");
	}

}
