package com.chairside.account.account;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.chairside.account.AccountServiceTest;
import com.chairside.account.Accounts;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.Searches;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/accounts/search} over real HTTP on the MongoDB-wire store. */
@AccountServiceTest
class AccountSearchIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	AccountSearch search;

	Api northeast;

	@BeforeEach
	void signIn() {
		this.northeast = Api.local(this.port, Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
	}

	@Test
	void findsByPrefixesOfTheNamesWordsIgnoringCaseAndAccents() {
		// other tests of this shared database open Clínica Dental accounts too: a word of its own tells this one apart
		String tag = "Q" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
		String id = open(this.northeast, "Clínica Dental São Brás " + tag, "Boston");
		assertThat(ids("clin sao bra " + tag.substring(0, 6).toLowerCase())).containsExactly(id);
		assertThat(ids("CLÍNICA DENTAL " + tag.toUpperCase())).containsExactly(id);
		assertThat(ids("sao bras boston " + tag)).containsExactly(id);
		assertThat(ids("brasil " + tag)).isEmpty();
	}

	@Test
	void findsByTheCityOfTheAccountOrOfItsSite() {
		String id = Accounts.open(this.northeast, """
				{"name":"Tidewater Orthodontics","specialty":"ORTHODONTICS","city":"Gloucester","country":"US",
				 "siteAddress":{"street":"1 Main St","postalCode":"01950","city":"Newburyport","country":"US"}}""");
		assertThat(ids("glouc")).containsExactly(id);
		assertThat(ids("newburyport")).containsExactly(id);
	}

	@Test
	void findsByAContactsEmailOrPhoneAtOnce() {
		String id = open(this.northeast, "Granite State Dental", "Nashua");
		Api.Response added = this.northeast.post("/api/accounts/" + id + "/contacts", """
				{"name":"Dr. Mara Pell","title":"Owner","email":"Mara.Pell@granite-dental.example",
				 "phone":"+1 (603) 555-0142","buyingRole":"DECISION_MAKER"}""");
		assertThat(added.status()).as(added.toString()).isEqualTo(201);
		assertThat(ids("mara.pell@granite-dental.example")).containsExactly(id);
		assertThat(ids("603 555 0142")).containsExactly(id);
		assertThat(ids("555-0142")).containsExactly(id);
	}

	@Test
	void findsARenamedAccountByItsNewName() {
		String id = open(this.northeast, "Old Mill Dentistry", "Lowell");
		assertThat(this.northeast.patch("/api/accounts/" + id, "{\"name\":\"Riverbend Dentistry\"}").status())
			.isEqualTo(200);
		assertThat(ids("riverbend")).containsExactly(id);
		assertThat(ids("old mill")).isEmpty();
	}

	@Test
	void answersTheBestMatchFirstNamedAsPeopleNameIt() {
		String city = open(this.northeast, "Summit Smiles", "Westbrookfield");
		String name = open(this.northeast, "Westbrook Pediatric Dentistry", "Augusta");
		JsonNode items = search(this.northeast, "westbrook").json().path("items");
		assertThat(items).extracting((item) -> item.path("id").asString()).containsExactly(name, city);
		assertThat(items.get(0).path("type").asString()).isEqualTo("account");
		assertThat(items.get(0).path("title").asString()).isEqualTo("Westbrook Pediatric Dentistry");
		assertThat(items.get(0).path("subtitle").asString()).isEqualTo("Augusta · GENERAL_DENTISTRY · PROSPECT");
		assertThat(items.get(0).path("region").asString()).isEqualTo("NORTHEAST");
	}

	@Test
	void neverAnswersAnotherRegionsAccountToAnAccountManager() {
		Api southwest = this.northeast.as(Infrastructure.get().token("am.southwest", "ACCOUNT_MANAGER", "SOUTHWEST"));
		String id = open(southwest, "Mesa Verde Dental", "Tucson");
		assertThat(ids("mesa verde")).isEmpty();
		assertThat(Searches.ids(search(southwest, "mesa verde"))).containsExactly(id);
		Api manager = this.northeast.as(Infrastructure.get().token("sm.all", "SALES_MANAGER", null));
		assertThat(Searches.ids(search(manager, "mesa verde"))).containsExactly(id);
	}

	@Test
	void refusesMissingBlankOrOverlongTextAndSizesOutOfRange() {
		Searches.assertBadRequest(this.northeast, "/api/accounts/search", "q");
		Searches.assertBadRequest(this.northeast, "/api/accounts/search?q=%20", "q");
		Searches.assertBadRequest(this.northeast, "/api/accounts/search?q=" + "b".repeat(201), "q");
		Searches.assertBadRequest(this.northeast, "/api/accounts/search?q=harbor&size=0", "size");
		Searches.assertBadRequest(this.northeast, "/api/accounts/search?q=harbor&size=51", "size");
	}

	@Test
	void givesAccountsStoredBeforeSearchTheirTermsAtStart() {
		String id = open(this.northeast, "Ironbridge Dental", "Keene");
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().unset("searchTerms"), "accounts");
		assertThat(ids("ironbridge")).isEmpty();

		this.search.afterSingletonsInstantiated();

		assertThat(ids("ironbridge")).containsExactly(id);
		assertThat(this.mongo.findById(id, Document.class, "accounts").getList("searchTerms", String.class))
			.contains("ironbridge", "dental", "keene");
	}

	@Test
	void findsByTheAccountsOwnEmailOrPhoneAsConvertedFromItsLead() {
		String id = open(this.northeast, "Cedar Point Dental", "Bangor");
		// what a converted lead leaves on its account; written here as it is stored, then given its terms
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new Update().set("email", "desk@cedarpoint.example").set("phone", "+12075550163").unset("searchTerms"),
				"accounts");
		this.search.afterSingletonsInstantiated();

		assertThat(ids("desk@cedarpoint.example")).containsExactly(id);
		assertThat(ids("(207) 555-0163")).containsExactly(id);
	}

	private static String open(Api api, String name, String city) {
		return Accounts.open(api, """
				{"name":"%s","specialty":"GENERAL_DENTISTRY","city":"%s","country":"US"}""".formatted(name, city));
	}

	private List<String> ids(String q) {
		return Searches.ids(search(this.northeast, q));
	}

	private static Api.Response search(Api api, String q) {
		return Searches.search(api, "/api/accounts/search", q);
	}

}
