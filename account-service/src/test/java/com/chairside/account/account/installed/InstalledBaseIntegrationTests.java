package com.chairside.account.account.installed;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
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
import com.chairside.testsupport.KafkaProbe.Received;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account's installed base through real HTTP: units recorded and removed, shown on the account, refused when the
 * year or quantity is impossible, hidden from other regions, and published whole as InstalledBaseChanged.
 */
@AccountServiceTest
class InstalledBaseIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	Api api;

	@BeforeEach
	void signIn() {
		this.api = Api.local(this.port, Infrastructure.get().token("am." + UUID.randomUUID(), "ACCOUNT_MANAGER", "NORTHEAST"));
	}

	private String unit(String brand, String model, String line, Object year, Object quantity) {
		return """
				{"brand":%s,"model":%s,"productLine":%s,"yearInstalled":%s,"quantity":%s}""".formatted(quoted(brand),
				quoted(model), quoted(line), year, quantity);
	}

	private static String quoted(String value) {
		return (value != null) ? "\"" + value + "\"" : "null";
	}

	@Test
	void recordsAndRemovesUnitsShowsThemOnTheAccountAndPublishesTheWholeList() throws Exception {
		String accountId = Accounts.open(this.api);
		Api.Response chairs = this.api.post("/api/accounts/" + accountId + "/installed-base",
				unit(" Nordic Dental Chairs ", "NC-500", "TREATMENT_CHAIR", 2015, 3));
		assertThat(chairs.status()).as(chairs.toString()).isEqualTo(201);
		String chairsId = chairs.field("id");
		assertThat(chairs.header("Location")).hasValue("/api/accounts/" + accountId + "/installed-base/" + chairsId);
		assertThat(chairs.field("brand")).isEqualTo("Nordic Dental Chairs");
		Api.Response cabinets = this.api.post("/api/accounts/" + accountId + "/installed-base",
				unit("Chairside", null, "CUSTOM_CABINETRY", 2024, 1));
		assertThat(cabinets.status()).as(cabinets.toString()).isEqualTo(201);

		JsonNode account = this.api.get("/api/accounts/" + accountId).json();
		assertThat(account.path("installedBase").findValuesAsString("id")).containsExactly(chairsId, cabinets.field("id"));
		assertThat(account.path("installedBase").get(0).path("productLine").asString()).isEqualTo("TREATMENT_CHAIR");
		assertThat(account.path("installedBase").get(0).path("yearInstalled").asInt()).isEqualTo(2015);
		assertThat(account.path("installedBase").get(0).path("quantity").asInt()).isEqualTo(3);

		Api.Response removed = this.api.send("DELETE", "/api/accounts/" + accountId + "/installed-base/" + cabinets.field("id"), null);
		assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
		assertThat(this.api.send("DELETE", "/api/accounts/" + accountId + "/installed-base/" + cabinets.field("id"), null).status())
			.as("removed already").isEqualTo(404);
		assertThat(this.api.get("/api/accounts/" + accountId + "/installed-base").json().path("items").findValuesAsString("id"))
			.containsExactly(chairsId);

		List<Received> changes = Awaitility.await().until(
				() -> Accounts.events("chairside.accounts", accountId, "InstalledBaseChanged"), (e) -> e.size() == 3);
		changes.forEach((e) -> assertThat(Contracts.violations("chairside.account.InstalledBaseChanged.v1", e.value()))
			.as(e.value()).isEmpty());
		JsonNode last = JSON.readTree(changes.get(2).value());
		assertThat(last.path("change").asString()).isEqualTo("REMOVED");
		assertThat(last.path("unitId").asString()).isEqualTo(cabinets.field("id"));
		assertThat(last.path("region").asString()).isEqualTo("NORTHEAST");
		assertThat(last.path("accountName").asString()).isEqualTo("Harbor Dental");
		assertThat(last.path("units").findValuesAsString("unitId")).containsExactly(chairsId);
		assertThat(last.path("units").get(0).path("brand").asString()).isEqualTo("Nordic Dental Chairs");
		assertThat(JSON.readTree(changes.get(1).value()).path("units")).as("the whole list after each change").hasSize(2);
		assertThat(changes.stream().map((e) -> Long.parseLong(e.header("ce_sequence")))).isSorted();
	}

	@Test
	void refusesImpossibleYearsAndQuantitiesNamingTheField() {
		String accountId = Accounts.open(this.api);
		int thisYear = this.clock.instant().atZone(ZoneOffset.UTC).getYear();
		record Bad(String body, String field) {
		}
		for (Bad bad : List.of(new Bad(unit("A", "M", "EXAM_CHAIR", thisYear + 1, 1), "yearInstalled"),
				new Bad(unit("A", "M", "EXAM_CHAIR", 1949, 1), "yearInstalled"),
				new Bad(unit("A", "M", "EXAM_CHAIR", 15, 1), "yearInstalled"),
				new Bad(unit("A", "M", "EXAM_CHAIR", 20155, 1), "yearInstalled"),
				new Bad(unit("A", "M", "EXAM_CHAIR", null, 1), "yearInstalled"),
				new Bad(unit("A", "M", "EXAM_CHAIR", 2015, 0), "quantity"),
				new Bad(unit("A", "M", "EXAM_CHAIR", 2015, 1000), "quantity"),
				new Bad(unit("  ", "M", "EXAM_CHAIR", 2015, 1), "brand"),
				new Bad(unit("A", "M", null, 2015, 1), "productLine"))) {
			Api.Response refused = this.api.post("/api/accounts/" + accountId + "/installed-base", bad.body());
			assertThat(refused.status()).as(bad.body() + " -> " + refused).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().path("errors").findValuesAsString("field")).as(refused.toString()).contains(bad.field());
		}
		assertThat(this.api.post("/api/accounts/" + accountId + "/installed-base",
				unit("A", "M", "SPITTOON", 2015, 1)).status()).isEqualTo(400);
		assertThat(this.api.post("/api/accounts/" + accountId + "/installed-base",
				unit("A", "M", "EXAM_CHAIR", thisYear, 999)).status()).as("this year, 999 units").isEqualTo(201);
		assertThat(this.api.post("/api/accounts/" + accountId + "/installed-base",
				unit("A", "M", "EXAM_CHAIR", 1950, 1)).status()).isEqualTo(201);
		assertThat(this.api.get("/api/accounts/" + accountId).json().path("installedBase")).hasSize(2);
	}

	@Test
	void anotherRegionsAccountAnswers404() {
		String accountId = Accounts.open(this.api);
		String unitId = this.api.post("/api/accounts/" + accountId + "/installed-base",
				unit("Nordic Dental Chairs", "NC-500", "TREATMENT_CHAIR", 2012, 2)).field("id");
		Api west = this.api.as(Infrastructure.get().token("am.west", "ACCOUNT_MANAGER", "WEST"));

		assertThat(west.get("/api/accounts/" + accountId + "/installed-base").status()).isEqualTo(404);
		assertThat(west.post("/api/accounts/" + accountId + "/installed-base",
				unit("Other", "X", "EXAM_CHAIR", 2012, 1)).status()).isEqualTo(404);
		assertThat(west.send("DELETE", "/api/accounts/" + accountId + "/installed-base/" + unitId, null).status()).isEqualTo(404);
		assertThat(this.api.get("/api/accounts/" + accountId).json().path("installedBase").findValuesAsString("id"))
			.as("unchanged").containsExactly(unitId);
		assertThat(this.api.post("/api/accounts/" + UUID.randomUUID() + "/installed-base",
				unit("Other", "X", "EXAM_CHAIR", 2012, 1)).status()).isEqualTo(404);
	}

}
