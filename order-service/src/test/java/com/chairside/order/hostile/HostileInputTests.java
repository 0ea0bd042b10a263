package com.chairside.order.hostile;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.order.OrderFixtures;
import com.chairside.order.OrderServiceTest;
import com.chairside.testsupport.hostile.HostileRun;

/**
 * Every endpoint order-service documents, driven with hostile ids, parameters and bodies generated from its own
 * OpenAPI document ({@link HostileRun#asAdmin}), with an account the service knows and a product of its catalogue in
 * the bodies, so that only the broken part is wrong: each is refused as problem+json, none is stored, and the service
 * is healthy afterwards.
 */
@OrderServiceTest
class HostileInputTests {

	@LocalServerPort
	int port;

	@Value("${spring.mongodb.uri}")
	String mongoUri;

	@Test
	void refusesEveryHostileInputAndStoresNothing() {
		String account = OrderFixtures.on(this.port).openedAccount();
		// An order and a product that exist, so that the bodies sent to them are read (a random id is refused with 404
		// before the body is), and the reads have records to list.
		String order = OrderFixtures.on(this.port).place(account);
		HostileRun.asAdmin(this.port, this.mongoUri)
			.shaping((inputs) -> inputs.withValue("accountId", "\"" + account + "\"").withValue("sku", "\"TC-ORTHO-200\"")
				.withPathValueUnder("/api/orders/{id}", "id", order)
				.withPathValueUnder("/api/products/{sku}", "sku", "TC-ORTHO-200"))
			.run()
			.assertNothingGotThrough("order-service");
	}

}
