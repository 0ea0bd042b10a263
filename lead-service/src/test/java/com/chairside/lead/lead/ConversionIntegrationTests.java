package com.chairside.lead.lead;

import java.io.IOException;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.lead.accounts.AccountServiceStub;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;
import com.chairside.testsupport.ServiceIntegrationTest;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Converting a lead without losing work: its contacts travel in LeadConverted, a practice that has an account is not
 * given a second one (account-service asked over real HTTP, with the caller's token; here its stand-in), and a
 * conversion that cannot ask changes nothing.
 */
@ServiceIntegrationTest
class ConversionIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AccountServiceStub accountService = AccountServiceStub.get();

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry breakers;

	Api api;

	String token;

	@BeforeEach
	void signIn() {
		this.token = Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST");
		this.api = Api.local(this.port, this.token);
	}

	@AfterEach
	void accountServiceBack() throws IOException {
		try {
			accountService.start();
		}
		catch (java.net.BindException ex) {
			// it was not stopped
		}
		this.breakers.circuitBreaker("account-service").reset();
	}

	/** A qualified lead of a practice with its own e-mail, phone, name and postal code, and a decision maker. */
	private String qualifiedLead(String practice, String email, String phone, String postalCode) {
		Api.Response captured = this.api.post("/api/leads", """
				{"practiceName":"%s","specialty":"ORTHODONTICS","region":"NORTHEAST","source":"CUSTOMER_REFERRAL",
				 "city":"Boston","country":"US","postalCode":"%s","email":"%s","phone":"%s",
				 "productInterests":["TREATMENT_CHAIR"],"estimatedValue":{"amount":"60000.00","currency":"USD"}}"""
			.formatted(practice, postalCode, email, phone));
		assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
		String id = captured.field("id");
		assertThat(this.api.post("/api/leads/" + id + "/contacts", """
				{"name":"Dana Whitfield","title":"Owner","email":"dana@%s","phone":"+1 212 %s",
				 "buyingRole":"DECISION_MAKER"}""".formatted(email.substring(email.indexOf('@') + 1), digits(email)))
			.status())
			.isEqualTo(201);
		assertThat(this.api.post("/api/leads/" + id + "/contacts", """
				{"name":"Sam Ortiz","buyingRole":"PRACTICE_MANAGER"}""").status()).isEqualTo(201);
		assertThat(this.api.post("/api/leads/" + id + "/qualify", "{}").field("status")).isEqualTo("QUALIFIED");
		return id;
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private String leadOf(String practice) {
		String u = unique();
		return qualifiedLead(practice + " " + u, "info-" + u + "@practice.example", "+1 617 " + digits(u),
				"0" + digits(u).substring(0, 4));
	}

	private static String digits(String u) {
		return String.valueOf(Math.abs((long) u.hashCode()) % 9_000_000 + 1_000_000);
	}

	private static JsonNode data(Received event) throws IOException {
		return JSON.readTree(event.value());
	}

	@Test
	void carriesTheContactsWithTheirBuyingRolesInLeadConverted() throws Exception {
		String id = leadOf("Harbor Orthodontics");

		Api.Response converted = this.api.post("/api/leads/" + id + "/convert", null);

		assertThat(converted.status()).as(converted.toString()).isEqualTo(202);
		assertThat(converted.json().path("existingAccount").asBoolean()).isFalse();
		Received event = kafka.awaitRecord("chairside.leads", id, "chairside.lead.LeadConverted.v1");
		assertThat(Contracts.violations("chairside.lead.LeadConverted.v1", event.value())).isEmpty();
		JsonNode data = data(event);
		assertThat(data.path("accountId").asString()).isEqualTo(converted.field("accountId"));
		assertThat(data.path("existingAccount").asBoolean()).isFalse();
		assertThat(data.path("contacts").findValuesAsString("buyingRole")).containsExactly("DECISION_MAKER",
				"PRACTICE_MANAGER");
		assertThat(data.path("contacts").get(0).path("name").asString()).isEqualTo("Dana Whitfield");
		assertThat(data.path("contacts").get(0).path("email").asString()).startsWith("dana@");
		assertThat(data.path("contacts").get(0).path("contactId").asString()).isNotBlank();
		assertThat(accountService.authorizations()).as("the caller's token went along").contains("Bearer " + this.token);
		String traceId = converted.header("traceparent").orElseThrow().split("-")[1];
		assertThat(accountService.traceparents()).as("the call to account-service is in the conversion's trace")
			.anyMatch((traceparent) -> traceparent.startsWith("00-" + traceId + "-"));
		assertThat(event.header("traceparent")).as("the event, published by the relay later, too")
			.startsWith("00-" + traceId + "-");
	}

	/**
	 * A lead whose practice has an account in the stand-in, matching only on {@code matchedOn} (the e-mail in another
	 * case, the phone written otherwise, the name and the postal code spaced otherwise).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "EMAIL", "PHONE", "NAME_AND_POSTAL_CODE" })
	void refusesASecondAccountForAPracticeThatHasOne(String matchedOn) {
		String u = unique();
		String existing = UUID.randomUUID().toString();
		accountService.add(new AccountServiceStub.Account(existing, "Pena Dental " + u, "NORTHEAST",
				matchedOn.equals("EMAIL") ? "desk+" + u + "@smile.example" : null,
				matchedOn.equals("PHONE") ? "+1 (413) " + digits(u) : null,
				matchedOn.equals("NAME_AND_POSTAL_CODE") ? "02 115" : null));
		String id = qualifiedLead(matchedOn.equals("NAME_AND_POSTAL_CODE") ? "Pena Dental " + u : "Other " + u,
				"DESK+" + u + "@smile.example", "+1 413 " + digits(u), "02115");

		assertRefusedNaming(id, existing, matchedOn);
	}

	private void assertRefusedNaming(String id, String existing, String matchedOn) {
		Api.Response refused = this.api.post("/api/leads/" + id + "/convert", "{}");

		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.field("code")).isEqualTo("ACCOUNT_EXISTS");
		assertThat(refused.field("accountId")).isEqualTo(existing);
		assertThat(refused.json().path("matchedOn").toString()).contains(matchedOn);
		assertThat(refused.json().path("matches").get(0).path("accountId").asString()).isEqualTo(existing);
		Api.Response lead = this.api.get("/api/leads/" + id);
		assertThat(lead.field("status")).as("nothing converted").isEqualTo("QUALIFIED");
		assertThat(lead.field("accountId")).isNull();
	}

	@Test
	void convertsIntoThePracticesExistingAccount() throws Exception {
		String u = unique();
		String existing = UUID.randomUUID().toString();
		accountService.add(new AccountServiceStub.Account(existing, "Join " + u, "NORTHEAST", "join-" + u + "@smile.example",
				null, null));
		String id = qualifiedLead("Join " + u, "join-" + u + "@smile.example", "+1 774 " + digits(u), "01" + digits(u).substring(0, 3));
		assertThat(this.api.post("/api/leads/" + id + "/convert", "{}").status()).isEqualTo(409);

		Api.Response converted = this.api.post("/api/leads/" + id + "/convert", "{\"accountId\":\"" + existing + "\"}");

		assertThat(converted.status()).as(converted.toString()).isEqualTo(202);
		assertThat(converted.field("accountId")).isEqualTo(existing);
		assertThat(converted.json().path("existingAccount").asBoolean()).isTrue();
		assertThat(this.api.get("/api/leads/" + id).field("accountId")).isEqualTo(existing);
		Received event = kafka.awaitRecord("chairside.leads", id, "chairside.lead.LeadConverted.v1");
		assertThat(Contracts.violations("chairside.lead.LeadConverted.v1", event.value())).isEmpty();
		assertThat(data(event).path("accountId").asString()).isEqualTo(existing);
		assertThat(data(event).path("existingAccount").asBoolean()).isTrue();
		assertThat(data(event).path("contacts")).hasSize(2);
	}

	@Test
	void opensANewAccountWhenAskedDespiteAMatch() throws Exception {
		String u = unique();
		String existing = UUID.randomUUID().toString();
		accountService.add(new AccountServiceStub.Account(existing, "Force " + u, "NORTHEAST", "force-" + u + "@smile.example",
				null, null));
		String id = qualifiedLead("Force " + u, "force-" + u + "@smile.example", "+1 781 " + digits(u), "01" + digits(u).substring(0, 3));

		Api.Response converted = this.api.post("/api/leads/" + id + "/convert", "{\"newAccount\":true}");

		assertThat(converted.status()).as(converted.toString()).isEqualTo(202);
		assertThat(converted.field("accountId")).isNotEqualTo(existing);
		assertThat(data(kafka.awaitRecord("chairside.leads", id, "chairside.lead.LeadConverted.v1"))
			.path("existingAccount").asBoolean()).isFalse();
		assertThat(this.api.post("/api/leads/" + UUID.randomUUID() + "/convert",
				"{\"accountId\":\"" + existing + "\",\"newAccount\":true}").status())
			.as("both at once is a bad request").isEqualTo(400);
	}

	@Test
	void answersNotFoundForAnAccountOfAnotherRegionOrNone() {
		String u = unique();
		String west = UUID.randomUUID().toString();
		accountService.add(new AccountServiceStub.Account(west, "West " + u, "WEST", null, null, null));
		String id = leadOf("Regional");

		Api.Response otherRegion = this.api.post("/api/leads/" + id + "/convert", "{\"accountId\":\"" + west + "\"}");
		Api.Response unknown = this.api.post("/api/leads/" + id + "/convert",
				"{\"accountId\":\"" + UUID.randomUUID() + "\"}");

		assertThat(otherRegion.status()).as(otherRegion.toString()).isEqualTo(404);
		assertThat(otherRegion.contentType()).startsWith("application/problem+json");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(this.api.get("/api/leads/" + id).field("status")).isEqualTo("QUALIFIED");
	}

	@Test
	void answersServiceUnavailableAndConvertsNothingWhileAccountServiceIsAway() {
		String id = leadOf("Away");
		accountService.stop();

		Api.Response away = this.api.post("/api/leads/" + id + "/convert", "{}");

		assertThat(away.status()).as(away.toString()).isEqualTo(503);
		assertThat(away.contentType()).startsWith("application/problem+json");
		assertThat(away.field("code")).isEqualTo("ACCOUNT_SERVICE_UNAVAILABLE");
		assertThat(away.header("Retry-After")).hasValue("10");
		Api.Response lead = this.api.get("/api/leads/" + id);
		assertThat(lead.field("status")).isEqualTo("QUALIFIED");
		assertThat(lead.field("accountId")).isNull();
		await().until(() -> kafka.records("chairside.leads")
			.stream()
			.anyMatch((r) -> id.equals(r.key()) && r.header("ce_type").equals("chairside.lead.LeadQualified.v1")));
		assertThat(kafka.records("chairside.leads").stream()
			.filter((r) -> id.equals(r.key()) && r.header("ce_type").equals("chairside.lead.LeadConverted.v1")))
			.as("no LeadConverted").isEmpty();
	}

}
