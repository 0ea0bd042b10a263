package com.chairside.account.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.bson.Document;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's demos in a time window ({@code GET /api/demos?owner=&from=&until=}) through real HTTP: those on the
 * accounts the person holds now, starting in the window, by start time and named by practice; they follow a demo that
 * moves and an account that changes hands, and never show another region's demos to an account manager.
 */
@AccountServiceTest
class DemoWindowIntegrationTests {

	/** A Monday, midnight UTC: the window is the week from it. */
	private static final Instant WEEK = Instant.parse("2027-03-01T00:00:00Z");

	private static final Duration DAY = Duration.ofDays(1);

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	DemoDays days;

	String person;

	String colleague;

	Api mine;

	Api colleagues;

	Api manager;

	@BeforeEach
	void signIn() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.person = "am.northeast." + run;
		this.colleague = "am.northeast.other." + run;
		this.mine = Api.local(this.port, Infrastructure.get().token(this.person, "ACCOUNT_MANAGER", "NORTHEAST"));
		this.colleagues = this.mine.as(Infrastructure.get().token(this.colleague, "ACCOUNT_MANAGER", "NORTHEAST"));
		this.manager = this.mine.as(Infrastructure.get().token("sm.demos", "SALES_MANAGER", null));
	}

	@Test
	void listsTheDemosOnThePersonsAccountsThatStartInTheWindowByTimeWithTheirPractice() {
		String harbor = open(this.mine, "Harbor Dental");
		String lakeside = open(this.mine, "Lakeside Smiles");
		String bay = open(this.colleagues, "Bay Orthodontics");
		String wednesday = book(this.mine, harbor, WEEK.plus(DAY.multipliedBy(2)).plusSeconds(10 * 3600));
		String mondayMorning = book(this.mine, lakeside, WEEK.plusSeconds(9 * 3600));
		String mondayMidnight = book(this.mine, harbor, WEEK);
		book(this.mine, harbor, WEEK.minusSeconds(3600)); // the Sunday before
		book(this.mine, lakeside, WEEK.plus(DAY.multipliedBy(7))); // the next Monday: the window ends before it
		String cancelled = book(this.mine, harbor, WEEK.plus(DAY.multipliedBy(3)));
		assertThat(this.mine.post("/api/demos/" + cancelled + "/cancel", "{\"reason\":\"Closed that day\"}").status())
			.isEqualTo(200);
		String colleaguesDemo = book(this.colleagues, bay, WEEK.plus(DAY));

		Api.Response week = week(this.mine, "me");
		assertThat(week.status()).as(week.toString()).isEqualTo(200);
		assertThat(week.json().path("items").findValuesAsString("id")).containsExactly(mondayMidnight, mondayMorning,
				wednesday);
		assertThat(week.json().path("items").findValuesAsString("practiceName")).containsExactly("Harbor Dental",
				"Lakeside Smiles", "Harbor Dental");
		assertThat(week.json().path("items").get(0).path("accountId").asString()).isEqualTo(harbor);
		assertThat(week.json().path("items").get(0).path("start").asString()).isEqualTo("2027-03-01T00:00:00Z");
		assertThat(week.json().path("items").get(0).path("status").asString()).isEqualTo("SCHEDULED");
		assertThat(week.json().path("total").asInt()).isEqualTo(3);

		assertThat(ids(week(this.mine, this.person))).as("the caller by name").containsExactly(mondayMidnight,
				mondayMorning, wednesday);
		assertThat(ids(week(this.manager, this.person))).as("a sales manager asks for the person")
			.containsExactly(mondayMidnight, mondayMorning, wednesday);
		assertThat(ids(week(this.colleagues, "me"))).containsExactly(colleaguesDemo);
		assertThat(ids(this.mine.get("/api/demos?owner=me&from=" + WEEK.plus(DAY) + "&until=" + WEEK.plus(DAY.multipliedBy(2))
				.plusSeconds(10 * 3600 + 1)))).as("Tuesday to Wednesday 10:00:01").containsExactly(wednesday);
	}

	@Test
	void followsADemoThatMovesAndAnAccountThatChangesHands() {
		String harbor = open(this.mine, "Harbor Dental");
		String demo = book(this.mine, harbor, WEEK.plus(DAY.multipliedBy(9)));
		assertThat(ids(week(this.mine, "me"))).as("the week after").isEmpty();

		move(demo, WEEK.plus(DAY.multipliedBy(4)));
		assertThat(ids(week(this.mine, "me"))).as("moved into the week").containsExactly(demo);
		move(demo, WEEK.plus(DAY).plusSeconds(8 * 3600));
		assertThat(ids(week(this.mine, "me"))).as("moved within the week, listed once").containsExactly(demo);
		move(demo, WEEK.plus(DAY.multipliedBy(8)));
		assertThat(ids(week(this.mine, "me"))).as("moved out of the week").isEmpty();
		move(demo, WEEK.plus(DAY).plusSeconds(8 * 3600));
		assertThat(ids(week(this.mine, "me"))).as("moved back in").containsExactly(demo);

		Api.Response completed = this.mine.post("/api/demos/" + demo + "/complete", "{\"outcome\":\"INTEREST\"}");
		assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
		assertThat(week(this.mine, "me").json().path("items").findValuesAsString("status")).containsExactly("COMPLETED");

		Api.Response reassigned = this.manager.post("/api/accounts/reassignments",
				"{\"accountIds\":[\"%s\"],\"toOwner\":\"%s\",\"reason\":\"Territory\"}".formatted(harbor, this.colleague));
		assertThat(reassigned.status()).as(reassigned.toString()).isEqualTo(200);
		assertThat(ids(week(this.mine, "me"))).as("no longer the person's account").isEmpty();
		assertThat(ids(week(this.colleagues, "me"))).containsExactly(demo);
	}

	@Test
	void neverListsAnotherRegionsDemosToAnAccountManager() {
		String harbor = open(this.mine, "Harbor Dental");
		String northeast = book(this.mine, harbor, WEEK.plus(DAY));
		Api west = this.mine.as(Infrastructure.get().token("am.west." + this.person, "ACCOUNT_MANAGER", "WEST"));
		String sierra = open(west, "Sierra Dental");
		String western = book(west, sierra, WEEK.plus(DAY.multipliedBy(2)));
		// the person comes to hold an account in the west too
		Api.Response reassigned = this.manager.post("/api/accounts/reassignments",
				"{\"accountIds\":[\"%s\"],\"toOwner\":\"%s\",\"reason\":\"Cover\"}".formatted(sierra, this.person));
		assertThat(reassigned.status()).as(reassigned.toString()).isEqualTo(200);

		assertThat(ids(week(this.mine, "me"))).containsExactly(northeast);
		assertThat(ids(week(west, this.person))).as("the west's account manager asks for the person")
			.containsExactly(western);
		assertThat(ids(week(this.manager, this.person))).as("every region").containsExactly(northeast, western);
	}

	@Test
	void keepsEachDemoInTheDayItStartsOnAloneAndEntersDemosStoredBeforeTheDays() {
		String harbor = open(this.mine, "Harbor Dental");
		String demo = book(this.mine, harbor, WEEK.plus(DAY.multipliedBy(2)));
		assertThat(entries("2027-03-03")).contains(demo + "@0");
		move(demo, WEEK.plus(DAY.multipliedBy(4)));
		assertThat(entries("2027-03-03")).noneMatch((entry) -> entry.startsWith(demo));
		assertThat(entries("2027-03-05")).contains(demo + "@1");
		assertThat(this.mine.post("/api/demos/" + demo + "/cancel", "{\"reason\":\"Closed\"}").status()).isEqualTo(200);
		assertThat(entries("2027-03-05")).noneMatch((entry) -> entry.startsWith(demo));

		// a demo stored before the days existed: listed once its day is entered at start
		String older = book(this.mine, harbor, WEEK.plus(DAY.multipliedBy(6)));
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is("2027-03-07")),
				new Update().pull("demos", new Document("demo", older)), DemoDays.COLLECTION);
		assertThat(ids(week(this.mine, "me"))).isEmpty();
		this.mongo.remove(Query.query(Criteria.where("_id").is("backfilled")), DemoDays.COLLECTION);
		this.days.afterSingletonsInstantiated();
		assertThat(ids(week(this.mine, "me"))).containsExactly(older);
	}

	/** The day's entries as demo@version. */
	private List<String> entries(String day) {
		Document found = this.mongo.findById(day, Document.class, DemoDays.COLLECTION);
		assertThat(found).as(day).isNotNull();
		return found.getList("demos", Document.class)
			.stream()
			.map((entry) -> entry.getString("demo") + "@" + entry.get("version"))
			.toList();
	}

	@Test
	void refusesBadParametersWith400NamingTheParameter() {
		String window = "&from=" + WEEK + "&until=" + WEEK.plus(DAY.multipliedBy(7));
		assertBad("/api/demos?owner=me", "from");
		assertBad("/api/demos?owner=me&from=" + WEEK, "until");
		assertBad("/api/demos?from=" + WEEK + "&until=" + WEEK.plus(DAY), "owner");
		assertBad("/api/demos?owner=%20" + window, "owner");
		assertBad("/api/demos?owner=me&accountId=" + UUID.randomUUID() + window, "owner");
		assertBad("/api/demos?owner=me&from=" + WEEK + "&until=" + WEEK, "until");
		assertBad("/api/demos?owner=me&from=" + WEEK.plus(DAY) + "&until=" + WEEK, "until");
		assertBad("/api/demos?owner=me&from=" + WEEK + "&until=" + WEEK.plus(DAY.multipliedBy(31)).plusMillis(1), "until");
		assertBad("/api/demos?owner=me&from=monday&until=" + WEEK, "from");
		assertBad("/api/demos?owner=me&from=2027-03-01&until=2027-03-08", "from");
		assertBad("/api/demos", "accountId");
		assertThat(this.mine.get("/api/demos?owner=me&from=" + WEEK + "&until=" + WEEK.plus(DAY.multipliedBy(31))).status())
			.as("31 days").isEqualTo(200);
		assertThat(this.mine.as(Infrastructure.get().departmentToken("prod.lead", "PRODUCTION"))
			.get("/api/demos?owner=me" + window).status()).as("departments do not read demos").isEqualTo(403);
	}

	private void assertBad(String path, String field) {
		Api.Response answer = this.mine.get(path);
		assertThat(answer.status()).as(path + ": " + answer).isEqualTo(400);
		assertThat(answer.contentType()).contains("problem+json");
		assertThat(answer.json().path("errors").findValuesAsString("field")).as(path).containsExactly(field);
	}

	private static String open(Api api, String practice) {
		return Accounts.open(api, """
				{"name":"%s","specialty":"GENERAL_DENTISTRY","city":"Portland","country":"US"}""".formatted(practice));
	}

	private static String book(Api api, String accountId, Instant start) {
		Api.Response booked = api.post("/api/demos", """
				{"accountId":"%s","demoUnit":"DEMO-%s","products":["TC-ORTHO-500"],"start":"%s","end":"%s"}"""
			.formatted(accountId, UUID.randomUUID(), start, start.plusSeconds(2 * 3600)));
		assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
		return booked.field("id");
	}

	private void move(String demoId, Instant start) {
		Api.Response moved = this.mine.patch("/api/demos/" + demoId,
				"{\"start\":\"%s\",\"end\":\"%s\"}".formatted(start, start.plusSeconds(2 * 3600)));
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
	}

	private static Api.Response week(Api api, String owner) {
		return api.get("/api/demos?owner=" + owner + "&from=" + WEEK + "&until=" + WEEK.plus(DAY.multipliedBy(7)));
	}

	private static List<String> ids(Api.Response answer) {
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.json().path("items").findValuesAsString("id");
	}

}
