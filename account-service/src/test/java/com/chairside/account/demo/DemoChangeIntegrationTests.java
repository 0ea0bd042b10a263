package com.chairside.account.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.account.AccountServiceTest;
import com.chairside.account.Accounts;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe.Received;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Demos that change, through real HTTP and the real broker: moved to other times or another unit (never onto another
 * demo), cancelled (the slot is free again), and neither once they took place or were cancelled.
 */
@AccountServiceTest
class DemoChangeIntegrationTests {

	private static final Instant TUESDAY = Instant.parse("2027-02-02T09:00:00Z");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	Api api;

	String accountId;

	String unit;

	@BeforeEach
	void signIn() {
		this.api = Api.local(this.port, Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
		this.accountId = Accounts.open(this.api);
		this.unit = "DEMO-" + UUID.randomUUID();
	}

	private Api.Response book(String unit, int fromHour, int toHour) {
		return this.api.post("/api/demos", """
				{"accountId":"%s","demoUnit":"%s","products":["TC-ORTHO-500"],"start":"%s","end":"%s"}"""
			.formatted(this.accountId, unit, at(fromHour), at(toHour)));
	}

	private String booked(String unit, int fromHour, int toHour) {
		Api.Response booked = book(unit, fromHour, toHour);
		assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
		return booked.field("id");
	}

	private static Instant at(int hour) {
		return TUESDAY.plus(hour, ChronoUnit.HOURS);
	}

	private Api.Response move(String demoId, String json) {
		return this.api.patch("/api/demos/" + demoId, json);
	}

	static JsonNode payload(Received record) {
		try {
			return JSON.readTree(record.value());
		}
		catch (tools.jackson.core.JacksonException ex) {
			throw new IllegalStateException("Not JSON: " + record.value(), ex);
		}
	}

	@Test
	void movesADemoToAFreeSlotAndFreesTheOldOne() {
		String demoId = booked(this.unit, 0, 3);

		Api.Response moved = move(demoId, "{\"start\":\"%s\",\"end\":\"%s\"}".formatted(at(5), at(7)));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(Instant.parse(moved.field("start"))).isEqualTo(at(5));
		assertThat(Instant.parse(moved.field("end"))).isEqualTo(at(7));
		assertThat(moved.field("status")).isEqualTo("SCHEDULED");
		assertThat(book(this.unit, 0, 3).status()).as("the old slot is free").isEqualTo(201);
		assertThat(book(this.unit, 6, 8).status()).as("the new one is taken").isEqualTo(409);

		Api.Response later = move(demoId, "{\"end\":\"%s\"}".formatted(at(9)));
		assertThat(later.status()).as("overlapping its own slot: " + later).isEqualTo(200);
		assertThat(Instant.parse(later.field("start"))).as("what is not given stays").isEqualTo(at(5));

		String otherUnit = "DEMO-" + UUID.randomUUID();
		Api.Response unitChanged = move(demoId, "{\"demoUnit\":\"%s\"}".formatted(otherUnit));
		assertThat(unitChanged.status()).as(unitChanged.toString()).isEqualTo(200);
		assertThat(unitChanged.field("demoUnit")).isEqualTo(otherUnit);
		assertThat(this.api.get("/api/demos?demoUnit=" + otherUnit).json().path("items").findValuesAsString("id"))
			.containsExactly(demoId);
		assertThat(book(this.unit, 5, 9).status()).as("the old unit is free then").isEqualTo(201);
		assertThat(book(otherUnit, 5, 9).status()).as("the new unit is not").isEqualTo(409);

		Received first = Accounts.awaitConforming("chairside.demos", demoId, "chairside.demo.DemoRescheduled.v1");
		JsonNode event = payload(first);
		assertThat(event.path("demoId").asString()).isEqualTo(demoId);
		assertThat(event.path("accountId").asString()).isEqualTo(this.accountId);
		assertThat(event.path("region").asString()).isEqualTo("NORTHEAST");
		assertThat(event.path("previousDemoUnit").asString()).isEqualTo(this.unit);
		assertThat(event.path("demoUnit").asString()).isEqualTo(this.unit);
		assertThat(Instant.parse(event.path("previousStart").asString())).isEqualTo(at(0));
		assertThat(Instant.parse(event.path("previousEnd").asString())).isEqualTo(at(3));
		assertThat(Instant.parse(event.path("start").asString())).isEqualTo(at(5));
		assertThat(Instant.parse(event.path("end").asString())).isEqualTo(at(7));
		assertThat(event.path("rescheduledBy").asString()).isEqualTo("am.northeast");
		await()
			.until(() -> Accounts.events("chairside.demos", demoId, "DemoRescheduled").size() == 3);
		JsonNode third = payload(Accounts.events("chairside.demos", demoId, "DemoRescheduled").get(2));
		assertThat(third.path("previousDemoUnit").asString()).isEqualTo(this.unit);
		assertThat(third.path("demoUnit").asString()).isEqualTo(otherUnit);
	}

	@Test
	void refusesToMoveADemoOntoAnotherWith409NamingItsTime() {
		String demoId = booked(this.unit, 0, 2);
		booked(this.unit, 4, 6);

		Api.Response clash = move(demoId, "{\"start\":\"%s\",\"end\":\"%s\"}".formatted(at(3), at(5)));
		assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
		assertThat(clash.contentType()).contains("problem+json");
		assertThat(clash.field("code")).isEqualTo("DEMO_UNIT_BOOKED");
		assertThat(Instant.parse(clash.field("clashStart"))).isEqualTo(at(4));
		assertThat(Instant.parse(clash.field("clashEnd"))).isEqualTo(at(6));
		assertThat(clash.field("detail")).contains(at(4).toString(), at(6).toString());

		Api.Response unchanged = this.api.get("/api/demos/" + demoId);
		assertThat(Instant.parse(unchanged.field("start"))).as("not moved").isEqualTo(at(0));
		assertThat(book(this.unit, 2, 4).status()).as("the refused move holds no slot").isEqualTo(201);
		assertThat(book(this.unit, 1, 2).status()).as("the demo keeps its own").isEqualTo(409);

		Api.Response backwards = move(demoId, "{\"end\":\"%s\"}".formatted(at(-1)));
		assertThat(backwards.status()).as(backwards.toString()).isEqualTo(400);
		assertThat(backwards.json().path("errors").findValuesAsString("field")).contains("end");
		assertThat(move(demoId, "{}").status()).as("nothing to change").isEqualTo(400);
		assertThat(move(demoId, "{\"demoUnit\":\"  \"}").status()).isEqualTo(400);
		assertThat(move(demoId, "{\"start\":\"tomorrow\"}").status()).isEqualTo(400);
		assertThat(Accounts.events("chairside.demos", demoId, "DemoRescheduled")).isEmpty();
	}

	@Test
	void refusesToChangeADemoThatTookPlaceOrWasCancelledWith422() {
		String completed = booked(this.unit, 0, 2);
		assertThat(this.api.post("/api/demos/" + completed + "/complete", "{\"outcome\":\"INTEREST\"}").status())
			.isEqualTo(200);
		Api.Response moveCompleted = move(completed, "{\"start\":\"%s\"}".formatted(at(1)));
		assertThat(moveCompleted.status()).as(moveCompleted.toString()).isEqualTo(422);
		assertThat(moveCompleted.field("code")).isEqualTo("DEMO_COMPLETED");
		Api.Response cancelCompleted = this.api.post("/api/demos/" + completed + "/cancel", "{\"reason\":\"Too late\"}");
		assertThat(cancelCompleted.status()).isEqualTo(422);
		assertThat(cancelCompleted.field("code")).isEqualTo("DEMO_COMPLETED");

		String cancelled = booked(this.unit, 3, 5);
		assertThat(this.api.post("/api/demos/" + cancelled + "/cancel", "{\"reason\":\"Owner ill\"}").status())
			.isEqualTo(200);
		Api.Response moveCancelled = move(cancelled, "{\"demoUnit\":\"DEMO-" + UUID.randomUUID() + "\"}");
		assertThat(moveCancelled.status()).as(moveCancelled.toString()).isEqualTo(422);
		assertThat(moveCancelled.field("code")).isEqualTo("DEMO_CANCELLED");
		assertThat(this.api.post("/api/demos/" + cancelled + "/cancel", "{\"reason\":\"Again\"}").field("code"))
			.isEqualTo("DEMO_CANCELLED");
		assertThat(this.api.post("/api/demos/" + cancelled + "/complete", "{\"outcome\":\"INTEREST\"}").field("code"))
			.isEqualTo("DEMO_CANCELLED");
		assertThat(Accounts.events("chairside.demos", completed, "DemoRescheduled")).isEmpty();
	}

	@Test
	void answersAnotherRegionsDemoLikeAMissingOne() {
		String demoId = booked(this.unit, 0, 2);
		Api west = this.api.as(Infrastructure.get().token("am.west", "ACCOUNT_MANAGER", "WEST"));

		Api.Response move = west.patch("/api/demos/" + demoId, "{\"start\":\"%s\"}".formatted(at(1)));
		Api.Response missing = west.patch("/api/demos/" + UUID.randomUUID(), "{\"start\":\"%s\"}".formatted(at(1)));
		assertThat(move.status()).isEqualTo(404);
		assertThat(move.field("title")).isEqualTo(missing.field("title"));
		assertThat(missing.status()).isEqualTo(404);
		assertThat(west.post("/api/demos/" + demoId + "/cancel", "{\"reason\":\"Not mine\"}").status()).isEqualTo(404);
		assertThat(this.api.get("/api/demos/" + demoId).field("status")).isEqualTo("SCHEDULED");
		assertThat(Instant.parse(this.api.get("/api/demos/" + demoId).field("start"))).isEqualTo(at(0));
		assertThat(this.api.as(Infrastructure.get().departmentToken("prod.lead", "PRODUCTION"))
			.patch("/api/demos/" + demoId, "{}").status()).as("departments do not move demos").isEqualTo(403);
	}

	@Test
	void cancelsADemoSoThatItsSlotCanBeBookedAgain() {
		String demoId = booked(this.unit, 0, 3);
		assertThat(book(this.unit, 1, 2).status()).isEqualTo(409);

		Api.Response cancelled = this.api.post("/api/demos/" + demoId + "/cancel",
				"{\"reason\":\"The practice owner is away that week\"}");
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.field("status")).isEqualTo("CANCELLED");
		assertThat(cancelled.field("cancelReason")).isEqualTo("The practice owner is away that week");
		assertThat(this.api.get("/api/demos?demoUnit=" + this.unit).json().path("items")).as("the calendar").isEmpty();
		assertThat(this.api.get("/api/demos?accountId=" + this.accountId).json().path("items").findValuesAsString("status"))
			.as("the account's demos show it, cancelled")
			.containsExactly("CANCELLED");

		Api.Response rebooked = book(this.unit, 0, 3);
		assertThat(rebooked.status()).as(rebooked.toString()).isEqualTo(201);
		assertThat(this.api.get("/api/demos?demoUnit=" + this.unit).json().path("items").findValuesAsString("id"))
			.containsExactly(rebooked.field("id"));
		assertThat(this.api.post("/api/demos/" + demoId + "/cancel", "{}").status()).as("a reason is needed")
			.isEqualTo(400);

		JsonNode event = payload(Accounts.awaitConforming("chairside.demos", demoId, "chairside.demo.DemoCancelled.v1"));
		assertThat(event.path("demoId").asString()).isEqualTo(demoId);
		assertThat(event.path("accountId").asString()).isEqualTo(this.accountId);
		assertThat(event.path("region").asString()).isEqualTo("NORTHEAST");
		assertThat(event.path("reason").asString()).isEqualTo("The practice owner is away that week");
		assertThat(event.path("cancelledBy").asString()).isEqualTo("am.northeast");
		assertThat(event.path("demoUnit").asString()).isEqualTo(this.unit);
	}

}
