package com.chairside.notification.customer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.chairside.notification.NotificationServiceTest;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Practices mailed about their orders: account-service's recipient and order-service's order events from a real
 * broker, the order form fetched over real HTTP from a stand-in for order-service's internal endpoint, the mail read
 * from the real SMTP sink with its attachment.
 */
@NotificationServiceTest
class CustomerMailIntegrationTests {

	/** Consuming, waiting for the form and sending share two busy cores with the rest of the build. */
	private static final java.time.Duration PATIENCE = java.time.Duration.ofSeconds(60);

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final String KEY = "test-order-form-key";

	/** The stand-in for order-service: answers a small PDF naming the order and the language asked for. */
	private static final HttpServer orderService = orderService();

	/** Form requests seen, as {@code <orderId>?lang=<language>}, with the key they carried. */
	private static final List<String> formRequests = new CopyOnWriteArrayList<>();

	/** How many more times the form of an order is answered 503 before it is served. */
	private static final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

	@Autowired
	MongoTemplate mongo;

	@DynamicPropertySource
	static void orderServiceUrl(DynamicPropertyRegistry registry) {
		registry.add("chairside.notifications.customer.order-service-url",
				() -> "http://127.0.0.1:" + orderService.getAddress().getPort());
		registry.add("chairside.notifications.customer.order-service-key", () -> KEY);
		registry.add("chairside.notifications.customer.dispatch-interval", () -> "200ms");
		// the recipient travels on another topic: on a busy machine it may come seconds after the order event
		registry.add("chairside.notifications.customer.recipient-grace", () -> "45s");
		registry.add("chairside.notifications.customer.max-backoff", () -> "1s");
		registry.add("resilience4j.circuitbreaker.instances.order-form.minimum-number-of-calls", () -> "100");
	}

	@AfterAll
	static void stop() {
		orderService.stop(0);
	}

	@Test
	void mailsTheConfirmationWithTheOrderFormToTheOrderMailRecipient() throws Exception {
		String accountId = recipient("en", "orders@smile-ortho.example");
		String orderNumber = orderNumber();
		String ceId = UUID.randomUUID().toString();
		String orderId = confirm(accountId, orderNumber, ceId);

		MimeMessage mail = awaitMailAbout(orderNumber);
		assertThat(String.valueOf(mail.getRecipients(Message.RecipientType.TO)[0])).isEqualTo("orders@smile-ortho.example");
		assertThat(mail.getSubject()).isEqualTo("Your order " + orderNumber + " is confirmed");
		Part form = attachment(mail).orElseThrow();
		assertThat(form.getFileName()).isEqualTo(orderNumber + ".pdf");
		assertThat(form.getContentType()).startsWith("application/pdf");
		String pdf = new String(form.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
		assertThat(pdf).startsWith("%PDF-").contains(orderId).contains("lang=en");
		assertThat(text(mail)).contains("March 10, 2027");
		assertThat(formRequests).contains(orderId + "?lang=en|" + KEY);

		Received sent = kafka.awaitRecord("chairside.notifications", CustomerMail.idOf(ceId),
				"chairside.notification.CustomerMailSent.v1");
		assertThat(Contracts.violations("chairside.notification.CustomerMailSent.v1", sent.value())).isEmpty();
		assertThat(sent.value()).contains("\"accountId\":\"" + accountId + "\"", "\"kind\":\"ORDER_CONFIRMED\"",
				"\"to\":\"o***@smile-ortho.example\"").doesNotContain("orders@smile-ortho.example");
	}

	@Test
	void writesAGermanPracticeInGermanWithTheGermanForm() throws Exception {
		String accountId = recipient("de", "praxis@zahnarzt-muenchen.example");
		String orderNumber = orderNumber();
		String orderId = confirm(accountId, orderNumber, UUID.randomUUID().toString());

		MimeMessage mail = awaitMailAbout(orderNumber);
		assertThat(mail.getSubject()).isEqualTo("Ihre Bestellung " + orderNumber + " ist bestätigt");
		assertThat(text(mail)).contains("Sehr geehrtes Praxisteam", "10. März 2027");
		assertThat(formRequests).contains(orderId + "?lang=de|" + KEY);
	}

	@Test
	void mailsTheNewDeliveryDate() throws Exception {
		String accountId = recipient("en", "frontdesk@bright-smiles.example");
		String orderNumber = orderNumber();
		String orderId = UUID.randomUUID().toString();
		kafka.sendCloudEvent("chairside.orders", orderId, UUID.randomUUID().toString(),
				"chairside.order.DeliveryCommitmentChanged.v1", 5,
				Contracts.example("chairside.order.DeliveryCommitmentChanged.v1", "orderId", orderId, "accountId",
						accountId, "orderNumber", orderNumber));

		MimeMessage mail = awaitMailAbout(orderNumber);
		assertThat(mail.getSubject()).isEqualTo("New delivery date for your order " + orderNumber);
		assertThat(text(mail)).contains("from March 10, 2027 to March 24, 2027", "Production slot moved by two weeks");
		assertThat(attachment(mail)).isPresent();
	}

	@Test
	void mailsNobodyWhenTheRecipientOptedOut() {
		String accountId = recipient("en", null);
		String orderNumber = orderNumber();
		String ceId = UUID.randomUUID().toString();
		confirm(accountId, orderNumber, ceId);

		await().atMost(PATIENCE).until(() -> statusOf(ceId).equals("SKIPPED"));
		assertThat(mailsAbout(orderNumber)).isEmpty();
	}

	@Test
	void mailsOnceWhenTheEventIsRedelivered() {
		String accountId = recipient("en", "once@smile-ortho.example");
		String orderNumber = orderNumber();
		String ceId = UUID.randomUUID().toString();
		String orderId = confirm(accountId, orderNumber, ceId);
		kafka.sendCloudEvent("chairside.orders", orderId, ceId, "chairside.order.OrderConfirmed.v1", 4,
				Contracts.example("chairside.order.OrderConfirmed.v1", "orderId", orderId, "accountId", accountId,
						"orderNumber", orderNumber));

		await().atMost(PATIENCE).until(() -> statusOf(ceId).equals("SENT"));
		await().atMost(PATIENCE).until(() -> kafka.consumedAll("notification-service", "chairside.orders"));
		assertThat(mailsAbout(orderNumber)).hasSize(1);
	}

	@Test
	void keepsTheMailUntilOrderServiceGivesTheForm() throws Exception {
		String accountId = recipient("en", "patient@wait-dental.example");
		String orderNumber = orderNumber();
		String orderId = UUID.randomUUID().toString();
		failuresLeft.put(orderId, new AtomicInteger(4));
		String ceId = UUID.randomUUID().toString();
		kafka.sendCloudEvent("chairside.orders", orderId, ceId, "chairside.order.OrderConfirmed.v1", 4,
				Contracts.example("chairside.order.OrderConfirmed.v1", "orderId", orderId, "accountId", accountId,
						"orderNumber", orderNumber));

		await().atMost(PATIENCE).until(() -> failuresLeft.get(orderId).get() <= 0);
		MimeMessage mail = awaitMailAbout(orderNumber);
		assertThat(attachment(mail)).isPresent();
		assertThat(this.mongo.findById(CustomerMail.idOf(ceId), CustomerMail.class).attempts()).isGreaterThan(1);
	}

	/** Publishes the account's order-mail recipient for a new account; returns the account id. */
	private static String recipient(String language, String email) {
		String accountId = UUID.randomUUID().toString();
		kafka.sendCloudEvent("chairside.accounts", accountId, UUID.randomUUID().toString(),
				"chairside.account.OrderMailRecipientChanged.v1", 3,
				Contracts.example("chairside.account.OrderMailRecipientChanged.v1", "accountId", accountId, "email",
						email, "language", language));
		return accountId;
	}

	private static String confirm(String accountId, String orderNumber, String ceId) {
		String orderId = UUID.randomUUID().toString();
		kafka.sendCloudEvent("chairside.orders", orderId, ceId, "chairside.order.OrderConfirmed.v1", 4,
				Contracts.example("chairside.order.OrderConfirmed.v1", "orderId", orderId, "accountId", accountId,
						"orderNumber", orderNumber));
		return orderId;
	}

	private String statusOf(String ceId) {
		CustomerMail mail = this.mongo.findById(CustomerMail.idOf(ceId), CustomerMail.class);
		return (mail != null) ? mail.status().name() : "";
	}

	private static String orderNumber() {
		return "SO-2026-" + (100000 + (int) (Math.random() * 899999));
	}

	private static MimeMessage awaitMailAbout(String orderNumber) {
		await().atMost(PATIENCE).until(() -> !mailsAbout(orderNumber).isEmpty());
		return mailsAbout(orderNumber).get(0);
	}

	private static List<MimeMessage> mailsAbout(String orderNumber) {
		return Infrastructure.get().mail().messages().stream().filter((m) -> {
			try {
				return m.getSubject() != null && m.getSubject().contains(orderNumber);
			}
			catch (Exception ex) {
				return false;
			}
		}).toList();
	}

	private static Optional<Part> attachment(Part part) throws Exception {
		if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return Optional.of(part);
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				Optional<Part> found = attachment(multipart.getBodyPart(i));
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

	/** The plain-text and HTML parts, one after the other. */
	private static String text(Part part) throws Exception {
		if (part.getContent() instanceof Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				if (!Part.ATTACHMENT.equalsIgnoreCase(body.getDisposition())) {
					text.append(text(body)).append('\n');
				}
			}
			return text.toString();
		}
		return (part.getContent() instanceof String s) ? s : "";
	}

	private static HttpServer orderService() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/internal/orders/", (exchange) -> {
				try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
					in.readAllBytes();
					String path = exchange.getRequestURI().getPath();
					String orderId = path.substring("/internal/orders/".length(), path.indexOf("/form.pdf"));
					String query = exchange.getRequestURI().getQuery();
					formRequests.add(orderId + "?" + query + "|"
							+ exchange.getRequestHeaders().getFirst("X-Chairside-Service-Key"));
					AtomicInteger failures = failuresLeft.get(orderId);
					if (failures != null && failures.getAndDecrement() > 0) {
						exchange.sendResponseHeaders(503, -1);
						return;
					}
					byte[] pdf = ("%PDF-1.4\n% order " + orderId + " " + query + "\n%%EOF\n")
						.getBytes(StandardCharsets.ISO_8859_1);
					exchange.getResponseHeaders().add("Content-Type", "application/pdf");
					exchange.sendResponseHeaders(200, pdf.length);
					out.write(pdf);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
