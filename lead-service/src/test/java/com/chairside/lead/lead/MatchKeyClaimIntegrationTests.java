package com.chairside.lead.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicates found through the claims on match keys ({@code lead_match_keys}): by each key, under concurrent
 * captures, after a crash left a claim behind, for leads stored before claims existed, across updates and merges.
 */
@ServiceIntegrationTest
class MatchKeyClaimIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MatchKeyBackfill backfill;

	Api api;

	String tag;

	@BeforeEach
	void signIn() {
		this.api = Api.local(this.port, Infrastructure.get().token("am.keys", "ACCOUNT_MANAGER", "NORTHEAST"));
		this.tag = UUID.randomUUID().toString().substring(0, 8);
	}

	String practice(String name, String extra) {
		return """
				{"practiceName":"%s","kind":"PRIVATE_PRACTICE","specialty":"GENERAL_DENTISTRY","region":"NORTHEAST",
				 "source":"INBOUND_WEB","city":"Boston","country":"US"%s}""".formatted(name, extra);
	}

	String phone() {
		return "+1 617 " + Math.abs(this.tag.hashCode() % 9_000_000 + 1_000_000);
	}

	String holderOf(String key) {
		Document claim = this.mongo.findById(key, Document.class, Duplicates.CLAIMS);
		return (claim != null) ? claim.getString("leadId") : null;
	}

	@Test
	void refusesADuplicateByEachKeyAndItsVariantsNamingTheExistingLead() {
		String digits = phone().replaceAll("[^0-9]", "");
		String first = this.api.post("/api/leads", practice("Clínica Dental Peña " + this.tag, """
				,"email":"front@%s.example","phone":"%s","postalCode":"02115\"""".formatted(this.tag, phone())))
			.field("id");
		assertThat(first).isNotNull();
		assertThat(holderOf("e:front@" + this.tag + ".example")).isEqualTo(first);
		assertThat(holderOf("p:" + digits)).isEqualTo(first);

		String[][] variants = {
				{ ",\"email\":\" FRONT@" + this.tag.toUpperCase() + ".EXAMPLE \"", "e-mail" },
				{ ",\"phone\":\"(" + digits.substring(0, 4) + ") " + digits.substring(4) + "\"", "phone" },
				{ ",\"postalCode\":\"02 115\"", "name and postal code" } };
		for (String[] variant : variants) {
			String name = variant[1].startsWith("name") ? "DR. CLINICA DENTAL PENA, DDS " + this.tag.toUpperCase()
					: "Other " + this.tag;
			Api.Response duplicate = this.api.post("/api/leads", practice(name, variant[0]));
			assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);
			assertThat(duplicate.contentType()).startsWith("application/problem+json");
			assertThat(duplicate.field("code")).isEqualTo("DUPLICATE_LEAD");
			assertThat(duplicate.field("existingId")).isEqualTo(first);
			assertThat(duplicate.field("matchedOn")).isEqualTo(variant[1]);
		}
	}

	@Test
	void aLeadKeptWithTheOverrideLeavesTheKeysWithTheExistingLead() {
		String email = ",\"email\":\"kept@" + this.tag + ".example\"";
		String first = this.api.post("/api/leads", practice("Kept " + this.tag, email)).field("id");
		Api.Response kept = this.api.post("/api/leads?allowDuplicate=true", practice("Kept too " + this.tag,
				email + ",\"postalCode\":\"02116\""));
		assertThat(kept.status()).isEqualTo(201);
		assertThat(holderOf("e:kept@" + this.tag + ".example")).isEqualTo(first);
		assertThat(this.api.post("/api/leads", practice("Third " + this.tag, email)).field("existingId"))
			.isEqualTo(first);
		assertThat(this.api.post("/api/leads", practice("Kept too " + this.tag, ",\"postalCode\":\"02116\""))
			.field("existingId")).as("the keys nobody held are the kept lead's").isEqualTo(kept.field("id"));
	}

	@Test
	void twoConcurrentCapturesOfOnePracticeCreateOneLeadAndTheOtherNamesIt() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				String body = practice("Race " + this.tag + " " + round,
						",\"email\":\"race" + round + "@" + this.tag + ".example\"");
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Api.Response>> calls = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					calls.add(pool.submit(() -> {
						start.await();
						return this.api.post("/api/leads", body);
					}));
				}
				start.countDown();
				Api.Response one = calls.get(0).get();
				Api.Response other = calls.get(1).get();
				Api.Response created = (one.status() == 201) ? one : other;
				Api.Response refused = (created == one) ? other : one;
				assertThat(List.of(one.status(), other.status())).as(one + " / " + other)
					.containsExactlyInAnyOrder(201, 409);
				assertThat(refused.field("existingId")).isEqualTo(created.field("id"));
				assertThat(this.api.get("/api/leads/" + created.field("id")).status()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aClaimWhoseLeadWasNeverStoredBlocksOnlyForTheGrace() {
		String stale = "e:stale@" + this.tag + ".example";
		this.mongo.getCollection(Duplicates.CLAIMS)
			.insertOne(Duplicates.claimOf(stale, "died-before-storing-" + this.tag, Instant.now().minus(Duration.ofHours(1))));
		Api.Response created = this.api.post("/api/leads", practice("Stale " + this.tag,
				",\"email\":\"stale@" + this.tag + ".example\""));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(holderOf(stale)).isEqualTo(created.field("id"));

		String inFlight = "e:in-flight@" + this.tag + ".example";
		this.mongo.getCollection(Duplicates.CLAIMS)
			.insertOne(Duplicates.claimOf(inFlight, "about-to-be-stored-" + this.tag, Instant.now()));
		Api.Response racing = this.api.post("/api/leads", practice("In flight " + this.tag,
				",\"email\":\"in-flight@" + this.tag + ".example\""));
		assertThat(racing.status()).as("a fresh claim's lead may be on its way").isEqualTo(409);
		assertThat(racing.field("existingId")).isEqualTo("about-to-be-stored-" + this.tag);
	}

	@Test
	void anOldClaimCountsWhileItsLeadStillHasTheKey() {
		Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
		String holder = this.api.post("/api/leads", practice("Holder " + this.tag,
				",\"email\":\"held@" + this.tag + ".example\"")).field("id");
		this.mongo.getCollection(Duplicates.CLAIMS).updateOne(new Document("_id", "e:held@" + this.tag + ".example"),
				new Document("$set", new Document("claimedAt", Date.from(anHourAgo))));
		Api.Response duplicate = this.api.post("/api/leads", practice("Again " + this.tag,
				",\"email\":\"held@" + this.tag + ".example\""));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.field("existingId")).isEqualTo(holder);

		// an update that died after storing the lead and before releasing the key it left
		String left = "e:left@" + this.tag + ".example";
		this.mongo.getCollection(Duplicates.CLAIMS).insertOne(Duplicates.claimOf(left, holder, anHourAgo));
		Api.Response created = this.api.post("/api/leads", practice("Takes it " + this.tag,
				",\"email\":\"left@" + this.tag + ".example\""));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(holderOf(left)).isEqualTo(created.field("id"));
	}

	@Test
	void theBackfillClaimsTheKeysOfLeadsStoredBeforeClaimsExisted() {
		String old = "old-" + this.tag;
		this.mongo.getCollection("leads").insertOne(new Document("_id", old).append("practiceName", "Old " + this.tag)
			.append("region", "NORTHEAST").append("owner", "am.keys").append("status", "NEW")
			.append("matchKeys", new Document("email", "old@" + this.tag + ".example").append("phone", null)));
		this.mongo.getCollection("leads").insertOne(new Document("_id", "merged-" + this.tag)
			.append("region", "NORTHEAST").append("mergedInto", old)
			.append("matchKeys", new Document("email", "merged@" + this.tag + ".example")));
		assertThat(this.api.post("/api/leads", practice("New " + this.tag,
				",\"email\":\"old@" + this.tag + ".example\",\"phone\":\"" + phone() + "\"")).status())
			.as("before the backfill nothing holds the old lead's key").isEqualTo(201);
		this.mongo.getCollection("leads").deleteOne(new Document("matchKeys.email", "old@" + this.tag + ".example")
			.append("_id", new Document("$ne", old)));
		this.mongo.getCollection(Duplicates.CLAIMS).deleteOne(new Document("_id", "e:old@" + this.tag + ".example"));

		this.mongo.getCollection(MatchKeyBackfill.UPGRADES).deleteOne(new Document("_id", MatchKeyBackfill.DONE));
		this.backfill.afterSingletonsInstantiated();

		Api.Response duplicate = this.api.post("/api/leads", practice("Again " + this.tag,
				",\"email\":\"OLD@" + this.tag + ".example\""));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.field("existingId")).isEqualTo(old);
		assertThat(holderOf("e:merged@" + this.tag + ".example")).as("a merged lead matches nothing").isNull();
		assertThat(this.mongo.findById(MatchKeyBackfill.DONE, Document.class, MatchKeyBackfill.UPGRADES)).isNotNull();
		assertThat(this.backfill.run()).as("running it again claims nothing twice").isZero();
	}

	@Test
	void anUpdateReleasesTheKeyItLeavesAndClaimsTheOneItTakes() {
		String id = this.api.post("/api/leads", practice("Moving " + this.tag,
				",\"email\":\"before@" + this.tag + ".example\"")).field("id");
		Api.Response updated = this.api.patch("/api/leads/" + id, "{\"email\":\"after@" + this.tag + ".example\"}");
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(holderOf("e:before@" + this.tag + ".example")).isNull();
		assertThat(holderOf("e:after@" + this.tag + ".example")).isEqualTo(id);

		assertThat(this.api.post("/api/leads", practice("Takes the old one " + this.tag,
				",\"email\":\"before@" + this.tag + ".example\"")).status()).isEqualTo(201);
		Api.Response clash = this.api.post("/api/leads", practice("Wants the new one " + this.tag,
				",\"email\":\"after@" + this.tag + ".example\""));
		assertThat(clash.status()).isEqualTo(409);
		assertThat(clash.field("existingId")).isEqualTo(id);
		assertThat(this.api.patch("/api/leads/" + id, "{\"email\":\"before@" + this.tag + ".example\"}").status())
			.as("the old key has a new holder now").isEqualTo(409);
		assertThat(holderOf("e:after@" + this.tag + ".example")).as("a refused update keeps the lead's keys").isEqualTo(id);
	}

	@Test
	void aMergeHandsTheKeysTheSurvivorTakesToItAndReleasesTheOthers() {
		String survivor = this.api.post("/api/leads", practice("Survivor " + this.tag,
				",\"phone\":\"+1 212 555 0100\",\"email\":\"survivor@" + this.tag + ".example\"")).field("id");
		String duplicate = this.api.post("/api/leads", practice("Merged " + this.tag,
				",\"phone\":\"" + phone() + "\",\"postalCode\":\"10001\",\"email\":\"merged@" + this.tag + ".example\""))
			.field("id");
		assertThat(duplicate).isNotNull();
		assertThat(this.api.post("/api/leads/" + survivor + "/merge", "{\"duplicateId\":\"" + duplicate + "\"}").status())
			.isEqualTo(200);

		Api.Response byPostal = this.api.post("/api/leads", practice("Survivor " + this.tag, ",\"postalCode\":\"10001\""));
		assertThat(byPostal.field("existingId")).as("the survivor took the postal code").isEqualTo(survivor);
		assertThat(this.api.post("/api/leads", practice("x " + this.tag, ",\"phone\":\"" + phone() + "\"")).status())
			.as("the merged lead's phone is the survivor's no more than before").isEqualTo(201);
		assertThat(this.api.post("/api/leads", practice("y " + this.tag,
				",\"email\":\"merged@" + this.tag + ".example\"")).status()).isEqualTo(201);
	}

}
