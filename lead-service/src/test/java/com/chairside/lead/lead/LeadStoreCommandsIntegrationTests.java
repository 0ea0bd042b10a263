package com.chairside.lead.lead;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.ServiceIntegrationTest;
import com.chairside.testsupport.store.Recording;
import com.chairside.testsupport.store.StoreCommand;
import com.chairside.testsupport.store.StoreCommands;

import static org.assertj.core.api.Assertions.assertThat;

/** What capturing a lead costs the store: the commands sent while the request is served, printed and bounded. */
@ServiceIntegrationTest
class LeadStoreCommandsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Test
	void capturingALeadSendsTheStoreAFewCommands() {
		Api api = Api.local(this.port, Infrastructure.get().token("am.northeast", "ACCOUNT_MANAGER", "NORTHEAST"));
		String tag = UUID.randomUUID().toString().substring(0, 8);

		List<StoreCommand> sent;
		try (Recording recording = StoreCommands.get().record()) {
			Api.Response captured = api.post("/api/leads", """
					{"practiceName":"Counted Dental %s","specialty":"ORTHODONTICS","region":"NORTHEAST",
					 "source":"CUSTOMER_REFERRAL","city":"Boston","country":"US","postalCode":"02110",
					 "email":"front@counted-%s.example","phone":"%s"}""".formatted(tag, tag, Phones.unique()));
			assertThat(captured.status()).as(captured.toString()).isEqualTo(201);
			sent = recording.servingRequests(this.mongo.getDb().getName());
		}

		System.out.println("POST /api/leads sent the store " + sent.size() + " commands:\n" + Recording.lines(sent));
		assertThat(sent).hasSizeLessThanOrEqualTo(4);
	}

}
