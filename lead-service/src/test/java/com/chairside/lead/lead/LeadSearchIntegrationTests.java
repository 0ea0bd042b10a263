package com.chairside.lead.lead;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.Searches;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/leads/search} over real HTTP on the MongoDB-wire store. */
@ServiceIntegrationTest
class LeadSearchIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(LeadSearchIntegrationTests.class);

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	Leads leads;

	@Autowired
	LeadSearch search;

	Api northeast;

	@BeforeEach
	void signIn() {
		this.northeast = Api.local(this.port, Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
	}

	@Test
	void findsByPrefixesOfTheNamesWordsIgnoringCaseAndAccents() {
		String smile = capture("Smile Orthodontics Quarry", "NORTHEAST", "Boston", null, null);
		String zahn = capture("Zahnärztin Müller-Lüdenscheidt", "NORTHEAST", "Köln", null, null);

		assertThat(ids("smi ortho quar")).containsExactly(smile);
		assertThat(ids("SMILE ORTHODONTICS QUARRY")).containsExactly(smile);
		assertThat(ids("zahnarztin muller")).containsExactly(zahn);
		assertThat(ids("ZAHNÄRZ lüdensch")).containsExactly(zahn);
		assertThat(ids("zahn koln")).as("name and city words together").contains(zahn);
		assertThat(ids("miller zahnarztin")).as("every word must match").isEmpty();
		assertThat(ids("rthodontics quarry")).as("prefixes of words only, not inner parts").isEmpty();
	}

	@Test
	void findsByCity() {
		String id = capture("Harbour Dental Studio", "NORTHEAST", "Marblehead Neck", null, null);
		assertThat(ids("marbleh")).containsExactly(id);
		assertThat(ids("marblehead neck")).containsExactly(id);
	}

	@Test
	void findsByEmailOfTheLeadOrOfAContact() {
		String id = capture("Pinecrest Pediatric Dentistry", "NORTHEAST", "Portland", "Front.Desk@Pinecrest.example",
				null);
		assertThat(ids("front.desk@pinecrest.example")).containsExactly(id);
		assertThat(ids("FRONT.DESK@PINE")).containsExactly(id);

		assertThat(this.northeast.post("/api/leads/" + id + "/contacts", """
				{"name":"Dr. Ana Lima","title":"Owner","email":"ana.lima@lima-ortho.example","phone":"+1 207 555 0177",
				 "buyingRole":"DECISION_MAKER"}""").status()).isEqualTo(201);
		assertThat(ids("ana.lima@lima-ortho.example")).as("findable at once after the change").containsExactly(id);
		assertThat(ids("207.555.0177")).containsExactly(id);
	}

	@Test
	void findsByPhoneDigitsWhateverThePunctuation() {
		// a number no other test of this shared database uses, not even its local part
		String id = capture("Seaside Oral Surgery", "NORTHEAST", "Newport", null, "+1 (401) 738-2291");
		assertThat(ids("+1 401 738 2291")).containsExactly(id);
		assertThat(ids("401-738-2291")).containsExactly(id);
		assertThat(ids("(401) 7382291")).containsExactly(id);
		assertThat(ids("7382291")).as("the local part alone").containsExactly(id);
		assertThat(ids("401 738 2290")).isEmpty();
	}

	@Test
	void findsAChangedNameAtOnceAndNoLongerTheOldOne() {
		String id = capture("Brightwater Dental", "NORTHEAST", "Salem", null, null);
		assertThat(this.northeast.patch("/api/leads/" + id, "{\"practiceName\":\"Clearspring Dental\"}").status())
			.isEqualTo(200);
		assertThat(ids("clearspring")).containsExactly(id);
		assertThat(ids("brightwater")).isEmpty();
	}

	@Test
	void answersTheBestMatchFirstNamedAsPeopleNameIt() {
		String prefix = capture("Maplewoodsy Family Dentistry", "NORTHEAST", "Concord", null, null);
		String exact = capture("Maplewood Orthodontics", "NORTHEAST", "Concord", null, null);
		String city = capture("Lakeside Dental", "NORTHEAST", "Maplewood", null, null);

		JsonNode items = search(this.northeast, "maplewood").json().path("items");
		assertThat(items).extracting((item) -> item.path("id").asString()).containsExactly(exact, prefix, city);
		JsonNode first = items.get(0);
		assertThat(first.path("type").asString()).isEqualTo("lead");
		assertThat(first.path("title").asString()).isEqualTo("Maplewood Orthodontics");
		assertThat(first.path("subtitle").asString()).isEqualTo("Concord · ORTHODONTICS · NEW");
		assertThat(first.path("region").asString()).isEqualTo("NORTHEAST");
		assertThat(first.path("score").asDouble()).isGreaterThan(items.get(1).path("score").asDouble());
		assertThat(Searches.ids(this.northeast.get("/api/leads/search?q=maplewood&size=1"))).containsExactly(exact);
	}

	@Test
	void neverAnswersAnotherRegionsLeadToAnAccountManager() {
		String id = capture("Redrock Canyon Dental", "SOUTHWEST", "Sedona", "hello@redrock.example", "+1 928 555 0111");
		assertThat(ids("redrock")).isEmpty();
		assertThat(ids("hello@redrock.example")).isEmpty();
		assertThat(ids("928 555 0111")).isEmpty();
		Api southwest = this.northeast.as(Infrastructure.get().token("am.southwest", "ACCOUNT_MANAGER", "SOUTHWEST"));
		assertThat(Searches.ids(search(southwest, "redrock"))).containsExactly(id);
		Api manager = this.northeast.as(Infrastructure.get().token("sm.all", "SALES_MANAGER", null));
		assertThat(Searches.ids(search(manager, "redrock"))).containsExactly(id);
	}

	@Test
	void refusesMissingBlankOrOverlongTextAndSizesOutOfRange() {
		Searches.assertBadRequest(this.northeast, "/api/leads/search", "q");
		Searches.assertBadRequest(this.northeast, "/api/leads/search?q=", "q");
		Searches.assertBadRequest(this.northeast, "/api/leads/search?q=%20%20", "q");
		Searches.assertBadRequest(this.northeast, "/api/leads/search?q=" + "a".repeat(201), "q");
		Searches.assertBadRequest(this.northeast, "/api/leads/search?q=smile&size=0", "size");
		Searches.assertBadRequest(this.northeast, "/api/leads/search?q=smile&size=51", "size");
		Searches.assertBadRequest(this.northeast, "/api/leads/search?q=smile&size=many", "size");
		assertThat(search(this.northeast, "$where {\"$gt\":\"\"}").json().path("items")).isEmpty();
		assertThat(search(this.northeast, ".*").status()).isEqualTo(400);
		assertThat(search(this.northeast, "zz@.*(").json().path("items")).as("regex characters are literal").isEmpty();
	}

	@Test
	void givesLeadsStoredBeforeSearchTheirTermsAtStart() {
		String id = capture("Oldstone Dental Arts", "NORTHEAST", "Lowell", null, null);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
				new org.springframework.data.mongodb.core.query.Update().unset("searchTerms"), "leads");
		assertThat(ids("oldstone")).isEmpty();

		this.search.afterSingletonsInstantiated();

		assertThat(ids("oldstone")).containsExactly(id);
		assertThat(this.mongo.findById(id, Document.class, "leads").getList("searchTerms", String.class))
			.contains("oldstone", "dental", "arts", "lowell");
	}

	@Test
	void searchesTenThousandLeadsQuickly() {
		int n = 10_000;
		Instant now = Instant.now();
		for (int batch = 0; batch < n / 1000; batch++) {
			List<Lead> created = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				int k = batch * 1000 + i;
				created.add(Lead.capture(new LeadDetails("Bulkline Dental " + k, null, Specialty.ORTHODONTICS,
						"MIDWEST", LeadSource.CONFERENCE, null, null, null, "Springfield" + (k % 50), "US",
						"desk" + k + "@bulkline.example", "+1 312 555 " + String.format("%04d", k), null,
						Set.of(), null, null, null), "am.midwest", false, "test", now));
			}
			this.leads.insert(created);
		}
		Api midwest = this.northeast.as(Infrastructure.get().token("am.midwest", "ACCOUNT_MANAGER", "MIDWEST"));
		assertThat(Searches.ids(search(midwest, "desk4242@bulkline.example"))).hasSize(1);

		long narrow = median(() -> assertThat(Searches.ids(search(midwest, "bulkline 4242"))).hasSize(1));
		long phone = median(() -> assertThat(Searches.ids(search(midwest, "312-555-4242"))).hasSize(1));
		long broad = median(() -> assertThat(Searches.ids(search(midwest, "bulkline dental"))).hasSize(20));
		log.info("Search among {} leads (+ those of the other tests) on the embedded store, median of 5 over HTTP: "
				+ "name words {} ms, phone {} ms, a word every lead has {} ms", n, narrow, phone, broad);
		assertThat(narrow).isLessThan(5000);
	}

	private static long median(Runnable search) {
		long[] times = new long[5];
		for (int i = 0; i < times.length; i++) {
			long start = System.nanoTime();
			search.run();
			times[i] = (System.nanoTime() - start) / 1_000_000;
		}
		java.util.Arrays.sort(times);
		return times[2];
	}

	private String capture(String name, String region, String city, String email, String phone) {
		Api api = this.northeast.as(Infrastructure.get().token("sm.all", "SALES_MANAGER", null));
		StringBuilder body = new StringBuilder("{\"practiceName\":\"%s\",\"specialty\":\"ORTHODONTICS\",\"region\":\"%s\",\"source\":\"CONFERENCE\",\"city\":\"%s\",\"country\":\"US\""
			.formatted(name, region, city));
		if (email != null) {
			body.append(",\"email\":\"").append(email).append('"');
		}
		if (phone != null) {
			body.append(",\"phone\":\"").append(phone).append('"');
		}
		Api.Response created = api.post("/api/leads?allowDuplicate=true", body.append('}').toString());
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.field("id");
	}

	private List<String> ids(String q) {
		return Searches.ids(search(this.northeast, q));
	}

	private static Api.Response search(Api api, String q) {
		return Searches.search(api, "/api/leads/search", q);
	}

}
