package com.chairside.system;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A practice that buys again, through the gateway over the real broker and store: its new lead is matched to the
 * account it has, converted into it with the decision maker found on the lead, a discount waits in the region's sales
 * manager's inbox and is approved there, the practice is mailed its confirmation with the order form, and search
 * finds the lead, the account and the order by the practice's name.
 */
class ReturningPracticeSystemTests {

	static Suite suite;

	@BeforeAll
	static void start() {
		suite = Suite.get();
	}

	@Test
	void aReturningPracticeIsConvertedIntoItsAccountApprovedMailedAndFoundAgain() throws Exception {
		String word = "Wren" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
		String practice = "Riverbend Pediatric " + word;
		String email = "office@" + word.toLowerCase() + ".example";
		Api manager = suite.accountManager("NORTHEAST");
		Api salesManager = suite.gateway(suite.token("sm.northeast", "SALES_MANAGER", "NORTHEAST", null));
		Api salesAdmin = suite.gateway(suite.token("sales.admin", "SALES_ADMIN", null, null));

		// The account the practice has from before, with its office as the contact for order mail.
		String accountId = created(manager.post("/api/accounts", """
				{"name":"%s","specialty":"PEDIATRIC_DENTISTRY","city":"Portland","country":"US","region":"NORTHEAST"}"""
			.formatted(practice)));
		String office = created(manager.post("/api/accounts/" + accountId + "/contacts", """
				{"name":"Front Office","title":"Office manager","email":"%s","buyingRole":"INFLUENCER"}"""
			.formatted(email)));
		Api.Response orderMail = manager.send("PUT", "/api/accounts/" + accountId + "/order-mail",
				"{\"contactId\":\"" + office + "\",\"language\":\"en\"}");
		assertThat(orderMail.status()).as(orderMail.toString()).isEqualTo(200);

		// A new lead for the same practice, with the decision maker the account manager found.
		String leadId = created(manager.post("/api/leads", """
				{"practiceName":"%s","specialty":"PEDIATRIC_DENTISTRY","region":"NORTHEAST","source":"CUSTOMER_REFERRAL",
				 "city":"Portland","country":"US","email":"%s","productInterests":["TREATMENT_CHAIR"],
				 "estimatedValue":{"amount":"42000.00","currency":"USD"}}""".formatted(practice, email)));
		created(manager.post("/api/leads/" + leadId + "/contacts", """
				{"name":"Dr. Ada Quill","title":"Owner","email":"ada@%s.example","buyingRole":"DECISION_MAKER"}"""
			.formatted(word.toLowerCase())));
		Api.Response qualified = manager.post("/api/leads/" + leadId + "/qualify", "{}");
		assertThat(qualified.status()).as(qualified.toString()).isEqualTo(200);

		Api.Response match = manager.post("/api/leads/" + leadId + "/convert", "{}");
		assertThat(match.status()).as("not a second account: " + match).isEqualTo(409);
		assertThat(match.field("accountId")).isEqualTo(accountId);
		Api.Response converted = manager.post("/api/leads/" + leadId + "/convert", "{\"accountId\":\"" + accountId + "\"}");
		assertThat(converted.status()).as(converted.toString()).isIn(200, 202);
		assertThat(converted.field("accountId")).isEqualTo(accountId);
		await("the decision maker on the account").atMost(Duration.ofSeconds(60))
			.until(() -> manager.get("/api/accounts/" + accountId).json().path("contacts").findValuesAsString("name")
				.contains("Dr. Ada Quill"));
		JsonNode account = manager.get("/api/accounts/" + accountId).json();
		assertThat(account.path("buyingCommittee").path("known").toString()).contains("DECISION_MAKER");

		// A quote with a discount above the threshold waits for the region's sales manager.
		await("order-service knows the account").atMost(Duration.ofSeconds(60))
			.until(() -> manager.post("/api/orders", quote(accountId)).status() == 201);
		JsonNode order = manager.get("/api/orders?accountId=" + accountId).json().path("items").get(0);
		String orderId = order.path("id").asString();
		String number = order.path("number").asString();
		assertThat(number).matches("SO-\\d{4}-\\d{6}");
		await("the request in the sales manager's inbox").atMost(Duration.ofSeconds(60))
			.until(() -> salesManager.get("/api/notifications?recipient=me&size=200").body().contains(number));
		JsonNode waiting = await("the approval listed").atMost(Duration.ofSeconds(30))
			.until(() -> item(salesManager.get("/api/approvals").json(), orderId), Optional::isPresent)
			.orElseThrow();
		assertThat(waiting.path("orderNumber").asString()).isEqualTo(number);
		assertThat(waiting.path("practice").asString()).isEqualTo(practice);
		assertThat(waiting.path("requestedBy").asString()).isEqualTo("am.northeast");
		Api.Response approved = salesManager.post("/api/orders/" + orderId + "/discount-approval", "{}");
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

		// Placed, confirmed by sales administration, and the practice mailed its confirmation with the form.
		Api.Response placed = manager.post("/api/orders/" + orderId + "/submit", "{}");
		assertThat(placed.status()).as(placed.toString()).isEqualTo(200);
		Api.Response confirmed = salesAdmin.post("/api/orders/" + orderId + "/status",
				"{\"status\":\"CONFIRMED\",\"committedDeliveryDate\":\"2027-03-10\"}");
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		MimeMessage mail = await("the practice's confirmation").atMost(Duration.ofSeconds(90))
			.until(() -> confirmationTo(email, number), Optional::isPresent)
			.orElseThrow();
		assertThat(mail.getSubject()).isEqualTo("Your order " + number + " is confirmed");
		byte[] form = attachment(mail, number + ".pdf").orElseThrow();
		assertThat(new String(form, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

		// Found again by the practice's name: the lead, the account and the order.
		await("found by search").atMost(Duration.ofSeconds(30)).until(() -> {
			String found = manager.get("/api/search?q=riverbend+" + word.substring(0, 5).toLowerCase()).body();
			return found.contains(leadId) && found.contains(accountId) && found.contains(orderId);
		});
		assertThat(manager.get("/api/search?q=" + number + "&type=order").body()).contains(orderId, practice);
		assertThat(suite.accountManager("WEST").get("/api/search?q=riverbend+" + word.toLowerCase()).json()
			.path("items")).as("another region finds none of it").isEmpty();
	}

	private static String quote(String accountId) {
		return """
				{"accountId":"%s","draft":true,"lines":[{"sku":"TC-ORTHO-200","quantity":2,"discountPercent":15}],
				 "requestedDeliveryDate":"2027-03-01"}""".formatted(accountId);
	}

	private static String created(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.field("id");
	}

	private static Optional<JsonNode> item(JsonNode approvals, String orderId) {
		for (JsonNode item : approvals.path("items")) {
			if (orderId.equals(item.path("orderId").asString())) {
				return Optional.of(item);
			}
		}
		return Optional.empty();
	}

	private static Optional<MimeMessage> confirmationTo(String email, String number) throws Exception {
		List<MimeMessage> messages = suite.mail().messages();
		for (MimeMessage message : messages) {
			String subject = message.getSubject();
			if (subject != null && subject.contains(number) && subject.contains("confirmed")
					&& message.getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
				return Optional.of(message);
			}
		}
		return Optional.empty();
	}

	private static Optional<byte[]> attachment(Part part, String name) throws Exception {
		if (name.equals(part.getFileName())) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			part.getDataHandler().writeTo(bytes);
			return Optional.of(bytes.toByteArray());
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				Optional<byte[]> found = attachment(multipart.getBodyPart(i), name);
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

}
