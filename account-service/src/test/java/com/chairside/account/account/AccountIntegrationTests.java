package com.chairside.account.account;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.chairside.account.AccountServiceTest;
import com.chairside.account.Accounts;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Accounts through real HTTP: contacts and buying committee, changes and history, lists, territory changes, channels. */
@AccountServiceTest
class AccountIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	PracticeKeys practiceKeys;

	Api api;

	@BeforeEach
	void signIn() {
		this.api = Api.local(this.port, Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
	}

	@Test
	void showsBuyingCommitteeCoverageAndCompletenessAsContactsAndFieldsAreAdded() {
		String id = Accounts.open(this.api);
		Api.Response fresh = this.api.get("/api/accounts/" + id);
		assertThat(fresh.json().path("buyingCommittee").path("known")).isEmpty();
		assertThat(fresh.json().path("buyingCommittee").path("missing")).hasSize(6);
		int before = fresh.json().path("completeness").path("score").asInt();

		Api.Response contact = this.api.post("/api/accounts/" + id + "/contacts", """
				{"name":"Dr. Ana Peña","title":"Owner","email":"ana@harbor.example","phone":"+1 207 555 0101",
				 "buyingRole":"DECISION_MAKER"}""");
		assertThat(contact.status()).isEqualTo(201);
		assertThat(this.api.post("/api/accounts/" + id + "/contacts", """
				{"name":"Sam Lee","buyingRole":"PRACTICE_MANAGER"}""").status()).isEqualTo(201);
		assertThat(this.api.post("/api/accounts/" + id + "/contacts", """
				{"name":"","buyingRole":"ASTRONAUT"}""").status()).isEqualTo(400);

		Api.Response account = this.api.get("/api/accounts/" + id);
		assertThat(account.json().path("buyingCommittee").path("known").toString()).contains("DECISION_MAKER",
				"PRACTICE_MANAGER");
		assertThat(account.json().path("buyingCommittee").path("missing").toString()).contains("INFLUENCER",
				"CLINICAL_USER", "PROCUREMENT", "GATEKEEPER").doesNotContain("DECISION_MAKER");
		assertThat(account.json().path("completeness").path("score").asInt()).isGreaterThan(before);

		Received added = Accounts.awaitConforming("chairside.accounts", id, "chairside.account.ContactAdded.v1");
		assertThat(added.value()).contains("DECISION_MAKER").doesNotContain("ana@harbor.example");
	}

	@Test
	void recordsTheFieldHistoryOfAChangeAndPublishesItOnce() {
		String id = Accounts.open(this.api);
		Api.Response updated = this.api.patch("/api/accounts/" + id, """
				{"kind":"PRIVATE_PRACTICE","taxId":"US-04-1234567",
				 "siteAddress":{"street":"1 Harbor St","postalCode":"04101","city":"Portland","country":"US"}}""");
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.field("kind")).isEqualTo("PRIVATE_PRACTICE");
		assertThat(updated.json().path("siteAddress").path("postalCode").asString()).isEqualTo("04101");
		assertThat(this.api.patch("/api/accounts/" + id, "{\"kind\":\"PRIVATE_PRACTICE\"}").status()).isEqualTo(200);

		Api.Response history = this.api.get("/api/accounts/" + id + "/history");
		assertThat(history.json().findValuesAsString("field")).containsExactlyInAnyOrder("kind", "taxId", "siteAddress");
		assertThat(history.json().findValuesAsString("by")).containsOnly("am.northeast");

		Received event = Accounts.awaitConforming("chairside.accounts", id, "chairside.account.AccountUpdated.v1");
		assertThat(event.value()).contains("US-04-1234567");
		await().during(java.time.Duration.ofMillis(300))
			.until(() -> Accounts.events("chairside.accounts", id, "AccountUpdated").size() == 1);
	}

	@Test
	void listsAccountsFilteredByStatusOwnerAndKindWithinTheUsersRegion() {
		String reseller = Accounts.open(this.api, """
				{"name":"Dental Supply East %s","kind":"RESELLER","city":"Albany","country":"US"}""".formatted(UUID.randomUUID()));
		Accounts.open(this.api);

		Api.Response resellers = this.api.get("/api/accounts?kind=RESELLER&status=PROSPECT&owner=am.northeast&size=500");
		assertThat(resellers.status()).isEqualTo(200);
		assertThat(resellers.json().path("items").findValuesAsString("id")).contains(reseller);
		assertThat(resellers.json().path("items").findValuesAsString("kind")).containsOnly("RESELLER");
		assertThat(resellers.json().path("items").findValuesAsString("region")).containsOnly("NORTHEAST");
		assertThat(this.api.get("/api/accounts?status=CUSTOMER&owner=nobody").json().path("total").asInt()).isZero();
		assertThat(this.api.get("/api/accounts?status=SLEEPING").status()).isEqualTo(400);
		Api.Response all = this.api.as(Infrastructure.get().token("sm.east", "SALES_MANAGER", null)).get("/api/accounts");
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.json().path("total").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(this.api.as(Infrastructure.get().token("am.west", "ACCOUNT_MANAGER", "WEST"))
			.get("/api/accounts?kind=RESELLER&size=500").json().path("items").findValuesAsString("id")).doesNotContain(reseller);
	}

	@Test
	void movesATerritoryToAnotherOwnerInOneOperationWithAnEventPerAccount() {
		String from = "am." + UUID.randomUUID();
		Api mine = this.api.as(Infrastructure.get().token(from, "ACCOUNT_MANAGER", "NORTHEAST"));
		List<String> ids = List.of(Accounts.open(mine), Accounts.open(mine), Accounts.open(mine));
		String body = """
				{"fromOwner":"%s","region":"NORTHEAST","toOwner":"am.boston","reason":"Territory change"}""".formatted(from);
		String step = mine.post("/api/accounts/" + ids.get(0) + "/activities", """
				{"type":"CALL","occurredAt":"2026-01-01T10:00:00Z","summary":"Call back",
				 "nextStep":{"action":"Send the quote","due":"2026-01-02"}}""").field("id");
		assertThat(mine.get("/api/activities/overdue").json().path("items").findValuesAsString("id")).containsExactly(step);

		assertThat(mine.post("/api/accounts/reassignments", body).status()).as("not for account managers").isEqualTo(403);
		Api manager = this.api.as(Infrastructure.get().token("sm.east", "SALES_MANAGER", null));
		assertThat(manager.post("/api/accounts/reassignments", """
				{"accountIds":["%s","%s"],"toOwner":"am.boston"}""".formatted(ids.get(0), UUID.randomUUID())).status())
			.as("all or none").isEqualTo(404);
		assertThat(this.api.get("/api/accounts/" + ids.get(0)).field("owner")).isEqualTo(from);
		Api.Response moved = manager.post("/api/accounts/reassignments", body);
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(moved.json().path("reassigned").asInt()).isEqualTo(3);
		assertThat(moved.json().path("accountIds").toString()).contains(ids.get(0), ids.get(1), ids.get(2));
		for (String id : ids) {
			assertThat(this.api.get("/api/accounts/" + id).field("owner")).isEqualTo("am.boston");
			Received changed = Accounts.awaitConforming("chairside.accounts", id, "chairside.account.AccountOwnerChanged.v1");
			assertThat(changed.value()).contains("\"previousOwner\":\"" + from + "\"", "\"changedBy\":\"sm.east\"");
		}
		assertThat(mine.get("/api/activities/overdue").json().path("items")).as("the next step moved along").isEmpty();
		assertThat(manager.get("/api/activities/overdue?owner=am.boston").json().path("items").findValuesAsString("id"))
			.contains(step);
		assertThat(manager.post("/api/accounts/reassignments", body).json().path("reassigned").asInt())
			.as("run again, nothing is left to move").isZero();
	}

	@Test
	void flagsAPracticeWorkedDirectlyAndThroughAResellerAndTellsBothOwners() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String reseller = Accounts.open(this.api, """
				{"name":"Dental Supply East","kind":"RESELLER","city":"Albany","country":"US"}""");
		Api channelManager = this.api.as(Infrastructure.get().token("am.channel", "ACCOUNT_MANAGER", "NORTHEAST"));
		String direct = Accounts.open(this.api, """
				{"name":"Clínica Dental Peña %s","city":"Hartford","country":"US","kind":"PRIVATE_PRACTICE",
				 "siteAddress":{"street":"12 Main St","postalCode":"06103","city":"Hartford","country":"US"}}""".formatted(suffix));
		String unrelated = Accounts.open(channelManager, """
				{"name":"Other Practice %s","city":"Hartford","country":"US","resellerId":"%s",
				 "siteAddress":{"postalCode":"06103","city":"Hartford","country":"US"}}""".formatted(suffix, reseller));
		String served = Accounts.open(channelManager, """
				{"name":"CLINICA DENTAL PENA, %s","city":"Hartford","country":"US","resellerId":"%s",
				 "siteAddress":{"postalCode":"06 103","city":"Hartford","country":"US"}}""".formatted(suffix, reseller));

		Api.Response servedView = this.api.get("/api/accounts/" + served);
		assertThat(servedView.json().path("channelConflict").asBoolean()).isTrue();
		assertThat(servedView.json().path("channelConflictWith").toString()).contains(direct);
		assertThat(this.api.get("/api/accounts/" + direct).json().path("channelConflictWith").toString()).contains(served);
		assertThat(this.api.get("/api/accounts/" + unrelated).json().path("channelConflict").asBoolean()).isFalse();

		Received conflict = Accounts.awaitConforming("chairside.accounts", served,
				"chairside.account.ChannelConflictDetected.v1");
		assertThat(conflict.value()).contains("\"directAccountId\":\"" + direct + "\"", "\"directOwner\":\"am.northeast\"",
				"\"resellerServedAccountId\":\"" + served + "\"", "\"resellerServedOwner\":\"am.channel\"",
				"\"resellerId\":\"" + reseller + "\"", "NAME_AND_POSTAL_CODE");
		assertThat(Accounts.events("chairside.accounts", direct, "ChannelConflictDetected")).as("one event per pair").isEmpty();

		assertThat(this.api.post("/api/accounts", """
				{"name":"X","city":"Hartford","country":"US","resellerId":"%s"}""".formatted(direct)).status())
			.as("only a reseller can serve an account").isEqualTo(422);
	}

	@Test
	void matchesAChannelConflictOnTheTaxIdAlone() {
		TaxIdPractice practice = directPracticeAndAReseller("Bright Smiles", "Boston");
		String taxId = practice.taxId();
		String reseller = practice.reseller();
		String direct = practice.direct();
		String served = Accounts.open(this.api, """
				{"name":"Bright Smiles Group","city":"Boston","country":"US","resellerId":"%s"}""".formatted(reseller));
		assertThat(this.api.get("/api/accounts/" + served).json().path("channelConflict").asBoolean()).isFalse();

		assertThat(this.api.patch("/api/accounts/" + served, "{\"taxId\":\"%s\"}".formatted(taxId.toLowerCase()))
			.json().path("channelConflictWith").toString()).contains(direct);
		assertThat(Contracts.violations("chairside.account.ChannelConflictDetected.v1",
				Accounts.awaitConforming("chairside.accounts", served, "chairside.account.ChannelConflictDetected.v1").value()))
			.isEmpty();
	}

	@Test
	void findsAChannelConflictWithAnAccountStoredBeforeThePracticeKeys() {
		TaxIdPractice before = directPracticeAndAReseller("Harbor Dental", "Portland");
		// a store from before the claims: none at all, and no mark that they were backfilled
		this.mongo.dropCollection(PracticeKeys.PracticeKey.class);
		this.practiceKeys.run(null);

		String served = Accounts.open(this.api, """
				{"name":"Harbor Dental Group","city":"Portland","country":"US","taxId":"%s","resellerId":"%s"}"""
			.formatted(before.taxId(), before.reseller()));
		assertThat(this.api.get("/api/accounts/" + served).json().path("channelConflictWith").toString())
			.contains(before.direct());
	}

	/** A reseller, and a practice worked directly with a fresh tax id. */
	private TaxIdPractice directPracticeAndAReseller(String name, String city) {
		String taxId = "US-" + UUID.randomUUID().toString().substring(0, 8);
		String reseller = Accounts.open(this.api, """
				{"name":"Dental Supply of %s","kind":"RESELLER","city":"%s","country":"US"}""".formatted(city, city));
		String direct = Accounts.open(this.api, """
				{"name":"%s","city":"%s","country":"US","taxId":"%s"}""".formatted(name, city, taxId));
		return new TaxIdPractice(taxId, reseller, direct);
	}

	private record TaxIdPractice(String taxId, String reseller, String direct) {
	}

}
