package com.chairside.system;

import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders the console tests find waiting for them, made through the API by the Northeast's account manager (and moved
 * on by sales administration) as their work would have made them: each for a practice of its own, named with a
 * number of the run so that a rerun against the same store finds only its own.
 */
final class SeededOrders {

	private final Suite suite;

	SeededOrders(Suite suite) {
		this.suite = suite;
	}

	record Placed(String id, String number, String practice, String accountId) {
	}

	/** Placed at once, two treatment chairs. */
	Placed placed(String name) {
		return order(name, null);
	}

	/** Drafted with a discount above the self-approval limit: it waits for a sales manager. */
	Placed quoteWithDiscount(String name, int discountPercent) {
		return order(name, discountPercent);
	}

	/** Placed, confirmed and in production: only a sales manager may cancel it now. */
	Placed inProduction(String name) {
		Placed order = placed(name);
		Api salesAdmin = this.suite.gateway(this.suite.token("sales.admin", "SALES_ADMIN", null, null));
		for (String step : new String[] { """
				{"status":"CONFIRMED","committedDeliveryDate":"2027-06-15"}""", """
				{"status":"IN_PRODUCTION"}""" }) {
			Api.Response moved = salesAdmin.post("/api/orders/" + order.id() + "/status", step);
			assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		}
		return order;
	}

	/** In production, and its account manager has asked a sales manager to cancel it. */
	Placed cancellationRequested(String name, String reason) {
		Placed order = inProduction(name);
		Api.Response asked = this.suite.accountManager("NORTHEAST").post("/api/orders/" + order.id() + "/cancellation-request",
				"""
						{"reason":"%s"}""".formatted(reason));
		assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
		return order;
	}

	/** The order changed by its account manager: three chairs instead of two. */
	void changeQuantity(Placed order, int quantity) {
		Api.Response changed = this.suite.accountManager("NORTHEAST").patch("/api/orders/" + order.id(), """
				{"reason":"Operatory count revised","lines":[{"sku":"TC-ORTHO-200","quantity":%d}]}""".formatted(quantity));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
	}

	private Placed order(String name, Integer discountPercent) {
		String practice = name + " " + System.nanoTime() % 1_000_000;
		Api manager = this.suite.accountManager("NORTHEAST");
		Api.Response account = manager.post("/api/accounts", """
				{"name":"%s","specialty":"ORTHODONTICS","city":"Boston","country":"US"}""".formatted(practice));
		assertThat(account.status()).as(account.toString()).isEqualTo(201);
		String body = (discountPercent == null)
				? """
						{"accountId":"%s","lines":[{"sku":"TC-ORTHO-200","quantity":2}],"requestedDeliveryDate":"2027-06-01"}"""
					.formatted(account.field("id"))
				: """
						{"accountId":"%s","draft":true,"lines":[{"sku":"TC-ORTHO-200","quantity":1,"discountPercent":%d}],
						"requestedDeliveryDate":"2027-06-01"}""".formatted(account.field("id"), discountPercent);
		Api.Response placed = manager.post("/api/orders", body);
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		return new Placed(placed.field("id"), placed.field("number"), practice, account.field("id"));
	}

}
