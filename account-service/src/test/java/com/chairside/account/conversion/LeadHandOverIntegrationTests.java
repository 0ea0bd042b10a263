package com.chairside.account.conversion;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.account.AccountServiceTest;
import com.chairside.account.Accounts;
import com.chairside.account.TestClock;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing done on a lead is lost when it becomes an account: lead-service's LeadActivityLogged and LeadConverted
 * (its contract examples, published to the real broker) carry the contacts and activities to the account, a new one
 * or the practice's existing one, and the lead's overdue next steps are the owner's before that.
 */
@AccountServiceTest
class LeadHandOverIntegrationTests {

	private static final String LEAD_CONVERTED = "chairside.lead.LeadConverted.v1";

	private static final String ACTIVITY_LOGGED = "chairside.lead.LeadActivityLogged.v1";

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	TestClock clock;

	Api api;

	String owner;

	@BeforeEach
	void signIn() {
		this.owner = "am." + UUID.randomUUID();
		this.api = Api.local(this.port, Infrastructure.get().token(this.owner, "ACCOUNT_MANAGER", "NORTHEAST"));
	}

	/** The contract's LeadConverted with fresh ids (the contacts' too) and this test's owner. */
	private String converted(String leadId, String accountId, boolean existingAccount) throws Exception {
		ObjectNode event = (ObjectNode) JSON.readTree(Contracts.example(LEAD_CONVERTED, "leadId", leadId, "accountId",
				accountId, "owner", this.owner, "email", "info-" + leadId + "@practice.example", "phone", null));
		for (JsonNode contact : event.path("contacts")) {
			((ObjectNode) contact).put("contactId", UUID.randomUUID().toString());
		}
		event.put("existingAccount", existingAccount);
		String json = JSON.writeValueAsString(event);
		assertThat(Contracts.violations(LEAD_CONVERTED, json)).isEmpty();
		return json;
	}

	/** The contract's LeadActivityLogged for the lead, owed by this test's owner, its next step due days ago. */
	private String activityLogged(String leadId, String activityId) throws Exception {
		ObjectNode event = (ObjectNode) JSON.readTree(Contracts.example(ACTIVITY_LOGGED, "leadId", leadId, "activityId",
				activityId, "owner", this.owner));
		LocalDate due = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).minusDays(3);
		((ObjectNode) event.path("nextStep")).put("due", due.toString());
		String json = JSON.writeValueAsString(event);
		assertThat(Contracts.violations(ACTIVITY_LOGGED, json)).isEmpty();
		return json;
	}

	private static void publish(String leadId, String type, long sequence, String json) {
		kafka.sendCloudEvent("chairside.leads", leadId, UUID.randomUUID().toString(), type, sequence, json);
	}

	private JsonNode awaitAccount(String accountId) {
		await().until(() -> this.api.get("/api/accounts/" + accountId).status() == 200);
		return this.api.get("/api/accounts/" + accountId).json();
	}

	@Test
	void theDecisionMakerFoundOnTheLeadIsOnTheAccountsBuyingCommittee() throws Exception {
		String leadId = UUID.randomUUID().toString();
		String accountId = UUID.randomUUID().toString();

		publish(leadId, LEAD_CONVERTED, 5, converted(leadId, accountId, false));

		JsonNode account = awaitAccount(accountId);
		assertThat(account.path("buyingCommittee").path("known").toString()).contains("DECISION_MAKER",
				"PRACTICE_MANAGER");
		assertThat(account.path("contacts").findValuesAsString("name")).containsExactly("Dana Whitfield", "Sam Ortiz");
		assertThat(account.path("contacts").get(0).path("email").asString()).isEqualTo("dana.whitfield@smile-ortho.example");
		assertThat(Accounts.events("chairside.accounts", accountId, "ContactAdded")).hasSize(2);
	}

	@Test
	void aLeadsActivitiesAreOverdueForItsOwnerAndJoinTheAccountsTimelineOnConversion() throws Exception {
		String leadId = UUID.randomUUID().toString();
		String accountId = UUID.randomUUID().toString();
		String activityId = UUID.randomUUID().toString();

		publish(leadId, ACTIVITY_LOGGED, 3, activityLogged(leadId, activityId));
		publish(leadId, ACTIVITY_LOGGED, 3, activityLogged(leadId, activityId)); // redelivered: kept once

		await().until(() -> this.api.get("/api/activities/overdue").json().path("items").findValuesAsString("id")
			.contains(activityId));
		JsonNode overdue = this.api.get("/api/activities/overdue").json().path("items").get(0);
		assertThat(overdue.path("leadId").asString()).isEqualTo(leadId);
		assertThat(overdue.path("accountId").isNull()).as("no account yet").isTrue();
		assertThat(overdue.path("summary").asString()).startsWith("Walked the two operatories");

		publish(leadId, LEAD_CONVERTED, 5, converted(leadId, accountId, false));

		awaitAccount(accountId);
		await().until(() -> this.api.get("/api/accounts/" + accountId + "/timeline").json().path("items")
			.findValuesAsString("id").contains(activityId));
		JsonNode timeline = this.api.get("/api/accounts/" + accountId + "/timeline").json();
		assertThat(timeline.path("total").asInt()).isEqualTo(1);
		assertThat(timeline.path("items").get(0).path("type").asString()).isEqualTo("VISIT");
		assertThat(this.api.get("/api/activities/overdue").json().path("items").get(0).path("accountId").asString())
			.isEqualTo(accountId);
	}

	@Test
	void aLeadConvertedIntoThePracticesAccountJoinsItWithItsContactsAndActivitiesOnce() throws Exception {
		String existing = Accounts.open(this.api);
		String leadId = UUID.randomUUID().toString();
		String activityId = UUID.randomUUID().toString();
		String conversion = converted(leadId, existing, true);

		publish(leadId, ACTIVITY_LOGGED, 3, activityLogged(leadId, activityId));
		publish(leadId, LEAD_CONVERTED, 5, conversion);
		publish(leadId, LEAD_CONVERTED, 5, conversion); // redelivered: nothing added twice

		await().until(() -> this.api.get("/api/accounts/" + existing + "/timeline").json().path("items")
			.findValuesAsString("id").contains(activityId));
		await().until(() -> kafka.consumedAll("account-service", "chairside.leads"));
		JsonNode account = this.api.get("/api/accounts/" + existing).json();
		assertThat(account.path("contacts").findValuesAsString("name")).containsExactly("Dana Whitfield", "Sam Ortiz");
		assertThat(account.path("buyingCommittee").path("known").toString()).contains("DECISION_MAKER");
		assertThat(account.path("leadId").isNull()).as("opened directly, and still so").isTrue();
		// the opening is published by the outbox relay, which may run behind the consumer under load
		await().until(() -> !Accounts.events("chairside.accounts", existing, "AccountOpened").isEmpty());
		assertThat(Accounts.events("chairside.accounts", existing, "AccountOpened")).as("no second opening").hasSize(1);
		assertThat(this.api.get("/api/accounts?owner=" + this.owner).json().path("total").asInt())
			.as("no second account").isEqualTo(1);
	}

	@Test
	void matchesAPracticeByEmailPhoneOrNameAndPostalCodeInTheCallersRegionOnly() throws Exception {
		String leadId = UUID.randomUUID().toString();
		String accountId = UUID.randomUUID().toString();
		String u = leadId.substring(0, 8);
		ObjectNode event = (ObjectNode) JSON.readTree(converted(leadId, accountId, false));
		event.put("practiceName", "Odontología Peñalver " + u + ", S.L.");
		event.put("postalCode", "28" + u.hashCode() % 1000);
		event.put("phone", "+3491" + Math.abs(u.hashCode()));
		((ArrayNode) event.path("contacts")).forEach((c) -> ((ObjectNode) c).put("email", "dr-" + u + "@pena.example")
			.putNull("phone"));
		publish(leadId, LEAD_CONVERTED, 5, JSON.writeValueAsString(event));
		awaitAccount(accountId);
		String postal = event.path("postalCode").asString();

		assertThat(matches("email=INFO-" + leadId + "@Practice.example")).containsExactly("[\"EMAIL\"]");
		assertThat(matches("email=dr-" + u + "@pena.example")).as("a contact's e-mail").containsExactly("[\"EMAIL\"]");
		assertThat(matches("phone=%2B34 91 " + Math.abs(u.hashCode()))).containsExactly("[\"PHONE\"]");
		assertThat(matches("name=odontologia penalver " + u + "&postalCode=" + postal.charAt(0) + " " + postal.substring(1)))
			.containsExactly("[\"NAME_AND_POSTAL_CODE\"]");
		assertThat(matches("name=odontologia penalver " + u + "&postalCode=99999")).as("the name alone").isEmpty();
		assertThat(matches("email=nobody-" + u + "@pena.example&phone=%2B349100")).isEmpty();
		Api.Response west = this.api.as(Infrastructure.get().token("am.west", "ACCOUNT_MANAGER", "WEST"))
			.get("/api/accounts/matches?email=INFO-" + leadId + "@practice.example");
		assertThat(west.status()).isEqualTo(200);
		assertThat(west.json().path("items")).as("another region's account").isEmpty();
		Api.Response manager = this.api.as(Infrastructure.get().token("sm", "SALES_MANAGER", null))
			.get("/api/accounts/matches?region=NORTHEAST&email=info-" + leadId + "@practice.example");
		assertThat(manager.json().path("items").get(0).path("accountId").asString()).isEqualTo(accountId);
	}

	/** The matchedOn of each account matching the query, as JSON. */
	private java.util.List<String> matches(String query) {
		Api.Response found = this.api.get("/api/accounts/matches?" + query.replace(" ", "%20"));
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		java.util.List<String> matchedOn = new java.util.ArrayList<>();
		found.json().path("items").forEach((m) -> matchedOn.add(m.path("matchedOn").toString()));
		return matchedOn;
	}

}
