package com.chairside.order.hostile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.order.OrderFixtures;
import com.chairside.order.OrderServiceTest;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.hostile.HostileCaller;
import com.chairside.testsupport.hostile.HostileRun;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint order-service documents, driven with hostile ids, parameters and bodies generated from its own
 * OpenAPI document, as each {@link HostileCaller} (an admin, an account manager of NORTHEAST, a production user), with
 * an account the service knows and a product of its catalogue in the bodies, so that only the broken part is wrong:
 * each is refused as problem+json, none is stored, no WEST account or order shows to who may not read it, and the
 * service is healthy afterwards.
 */
@OrderServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIntegrationTests {

	@LocalServerPort
	int port;

	@Value("${spring.mongodb.uri}")
	String mongoUri;

	String account;

	String order;

	String westAccount;

	String westOrder;

	@BeforeAll
	void orders() {
		OrderFixtures fixtures = OrderFixtures.on(this.port);
		// An order and a product that exist, so that the bodies sent to them are read (a random id is refused with 404
		// before the body is), and the reads have records to list.
		this.account = fixtures.openedAccount();
		this.order = fixtures.place(this.account);
		this.westAccount = fixtures.openedAccount("WEST", "Pacific Smiles");
		Api.Response west = fixtures.as("am.west", "ACCOUNT_MANAGER", "WEST").post("/api/orders", """
				{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":1}],"requestedDeliveryDate":"2027-03-01"}"""
			.formatted(this.westAccount));
		assertThat(west.status()).as(west.toString()).isEqualTo(201);
		this.westOrder = west.field("id");
	}

	@ParameterizedTest
	@EnumSource(HostileCaller.class)
	void refusesEveryHostileInputAndStoresNothing(HostileCaller caller) {
		HostileRun.as(caller, this.port, this.mongoUri)
			.withSalesRecords("NORTHEAST", this.account, this.order)
			.withSalesRecords("WEST", this.westAccount, this.westOrder)
			.shaping((inputs) -> inputs.withValue("accountId", "\"" + this.account + "\"")
				.withValue("sku", "\"TC-ORTHO-200\"")
				.withPathValueUnder("/api/orders/{id}", "id", this.order)
				.withPathValueUnder("/api/products/{sku}", "sku", "TC-ORTHO-200"))
			.run()
			.assertNothingGotThrough("order-service as " + caller);
	}

}
