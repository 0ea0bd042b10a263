package com.chairside.notification.orders;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binder.Binding;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

import com.chairside.devstack.MailSink.Mail;
import com.chairside.notification.NotificationServiceTest;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;
import com.chairside.testsupport.LoggedProblems;

import ch.qos.logback.classic.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** notification-service reading order-service's contract examples from a real broker, mailing through real SMTP. */
@NotificationServiceTest
class OrderNotificationIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final String ORDER_EVENTS = "orderEvents-in-0";

	/** How long a test awaits what follows {@link #inOnePoll}: the restarted binding rejoins its group first. */
	private static final java.time.Duration REBALANCE = java.time.Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	BindingsLifecycleController bindings;

	Api api;

	@BeforeEach
	void signIn() {
		this.api = Api.local(this.port, Infrastructure.get().token("sales.admin", "SALES_ADMIN", null));
	}

	/** The contract example of {@code event} for a new order id; publishes it under {@code ceId}. */
	private static String publish(String event, String orderId, String ceId) {
		return publish(event, orderId, ceId, orderId);
	}

	/** The same under the record key {@code key}: events under one key stay in one partition, in their order. */
	private static String publish(String event, String orderId, String ceId, String key) {
		String type = "chairside.order." + event + ".v1";
		kafka.sendCloudEvent("chairside.orders", key, ceId, type, 2, Contracts.example(type, "orderId", orderId));
		return orderId;
	}

	/**
	 * Sends while the order events' binding is stopped, so that what is sent comes in one poll when it starts again.
	 * Only the running binding is stopped and started: a context that the test framework paused and restarted keeps
	 * its first, unbound binding under the same name beside the live one, and starting that one too would add a second
	 * consumer without the binding's error handling (it retries a poison record and dead-letters its whole poll).
	 */
	private void inOnePoll(Runnable send) {
		await().until(() -> kafka.consumedAll("notification-service", "chairside.orders"));
		List<Binding<?>> running = this.bindings.queryState(ORDER_EVENTS).stream().filter(Binding::isRunning).toList();
		assertThat(running).as("the live binding of " + ORDER_EVENTS).hasSize(1);
		running.forEach(Binding::stop);
		try {
			send.run();
		}
		finally {
			running.forEach(Binding::start);
		}
	}

	/** The OrderChanged example for a new order, naming {@code departments} (a JSON value) instead of its own. */
	private static String publishChange(String departments) {
		String orderId = UUID.randomUUID().toString();
		String example = Contracts.example("chairside.order.OrderChanged.v1", "orderId", orderId);
		kafka.sendCloudEvent("chairside.orders", orderId, UUID.randomUUID().toString(), "chairside.order.OrderChanged.v1", 3,
				example.replaceFirst("\"departments\"\\s*:\\s*\\[[^]]*]", "\"departments\": " + departments));
		return orderId;
	}

	private JsonNode notificationsOf(String orderId, String department) {
		return this.api.get("/api/notifications?department=" + department + "&orderId=" + orderId).json().path("items");
	}

	private static List<Mail> mailsAbout(String orderId) {
		return Infrastructure.get().mail().received().stream().filter(m -> m.body().contains(orderId)).toList();
	}

	@Test
	void notifiesSalesAdministrationProductionAndLogisticsOfAChange() {
		String orderId = publish("OrderChanged", UUID.randomUUID().toString(), UUID.randomUUID().toString());

		for (String department : List.of("SALES_ADMINISTRATION", "PRODUCTION", "LOGISTICS")) {
			await().until(() -> notificationsOf(orderId, department).size() == 1);
			JsonNode notification = notificationsOf(orderId, department).get(0);
			assertThat(notification.path("eventType").asString()).isEqualTo("OrderChanged");
			assertThat(notification.path("department").asString()).isEqualTo(department);
			assertThat(notification.path("orderId").asString()).isEqualTo(orderId);
		}
		await().until(() -> mailsAbout(orderId).stream().map(Mail::to).toList().containsAll(List.of(
				"production@chairside.example", "logistics@chairside.example", "sales-administration@chairside.example")));
		assertThat(mailsAbout(orderId).get(0).body()).as("plain text and HTML alternatives, changes before → after")
			.contains("What changed", "requestedDeliveryDate: 2027-02-15 -> 2027-03-08", "<s>2027-02-15</s> &rarr; <b>2027-03-08</b>");
	}

	@Test
	void namesThePracticeAndTheOrderNumberInMailAndInbox() {
		String accountId = PracticeEvents.openAccount("Smile Orthodontics");
		String orderId = PracticeEvents.publishChange(accountId, "Third operatory");

		String title = "Smile Orthodontics — SO-2026-000042 changed: Third operatory";
		await().until(() -> notificationsOf(orderId, "PRODUCTION").size() == 1);
		JsonNode notification = notificationsOf(orderId, "PRODUCTION").get(0);
		assertThat(notification.path("practice").asString()).isEqualTo("Smile Orthodontics");
		assertThat(notification.path("orderNumber").asString()).isEqualTo("SO-2026-000042");
		assertThat(notification.path("title").asString()).isEqualTo(title);
		assertThat(notification.path("subject").asString()).isEqualTo(title);
		await().until(() -> mailsAbout(orderId).size() >= 3);
		assertThat(mailsAbout(orderId)).extracting(Mail::subject).containsOnly(title);
	}

	@Test
	void namesThePracticeOfAnAccountRenamedByAccountUpdated() {
		String accountId = PracticeEvents.openAccount("Smile Orthodontics");
		PracticeEvents.rename(accountId, 2, "Smile Orthodontics", "Smile Orthodontics of Cambridge");
		String orderId = PracticeEvents.publishChange(accountId, "Third operatory");

		await().until(() -> notificationsOf(orderId, "LOGISTICS").size() == 1);
		assertThat(notificationsOf(orderId, "LOGISTICS").get(0).path("title").asString())
			.isEqualTo("Smile Orthodontics of Cambridge — SO-2026-000042 changed: Third operatory");
	}

	@Test
	void keepsUserTextLiteralAndStripsInvisibleCharactersFromTheSubject() {
		String accountId = PracticeEvents.openAccount("Smile <b>Orthodontics</b>");
		String orderId = PracticeEvents.publishChange(accountId, "Third \u202Eoperatory {{changes}} {{> order}}");

		await().until(() -> mailsAbout(orderId).size() >= 3);
		Mail mail = mailsAbout(orderId).get(0);
		assertThat(mail.subject()).as("no bidi override; the braces stay as written")
			.isEqualTo("Smile <b>Orthodontics</b> — SO-2026-000042 changed: Third operatory {{changes}} {{> order}}")
			.doesNotContain("\u202E");
		assertThat(mail.body()).as("the reason is not read as a template, and HTML is escaped in the HTML part")
			.contains("Reason: Third \u202Eoperatory {{changes}} {{> order}}")
			.contains("Smile &lt;b&gt;Orthodontics&lt;/b&gt;")
			.contains("requestedDeliveryDate: 2027-02-15 -> 2027-03-08");
	}

	@Test
	void routesAChangeToTheDepartmentsTheEventNames() {
		String orderId = publishChange("[\"LOGISTICS\", \"INSTALLATION\"]");

		for (String department : List.of("SALES_ADMINISTRATION", "LOGISTICS", "INSTALLATION")) {
			await().until(() -> notificationsOf(orderId, department).size() == 1);
		}
		await().until(() -> kafka.consumedAll("notification-service", "chairside.orders"));
		assertThat(this.api.get("/api/notifications?orderId=" + orderId).json().path("items"))
			.as("the named departments, and always sales administration, production and logistics")
			.extracting(n -> n.path("department").asString())
			.containsExactlyInAnyOrder("SALES_ADMINISTRATION", "PRODUCTION", "LOGISTICS", "INSTALLATION");
	}

	@Test
	void routesAnOlderChangeWithoutDepartmentsByItsChanges() {
		String orderId = publishChange("null");

		for (String department : List.of("SALES_ADMINISTRATION", "PRODUCTION", "LOGISTICS", "INSTALLATION", "FINANCE")) {
			await().until(() -> notificationsOf(orderId, department).size() == 1);
		}
	}

	@Test
	void tellsEveryDepartmentOfACancellation() {
		String orderId = publish("OrderCancelled", UUID.randomUUID().toString(), UUID.randomUUID().toString());

		for (String department : List.of("SALES_ADMINISTRATION", "PRODUCTION", "LOGISTICS", "INSTALLATION", "FINANCE")) {
			await().until(() -> notificationsOf(orderId, department).size() == 1);
		}
		await().until(() -> mailsAbout(orderId).size() == 5);
	}

	@Test
	void theSameEventDeliveredThreeTimesMailsEachRecipientOnce() {
		String orderId = UUID.randomUUID().toString();
		String ceId = UUID.randomUUID().toString();
		publish("OrderCancelled", orderId, ceId);
		publish("OrderCancelled", orderId, ceId);
		publish("OrderCancelled", orderId, ceId);

		await().until(() -> kafka.consumedAll("notification-service", "chairside.orders"));
		await().until(() -> mailsAbout(orderId).size() >= 5);
		assertThat(this.api.get("/api/notifications?orderId=" + orderId).json().path("items")).hasSize(5);
		await().during(java.time.Duration.ofSeconds(1)).until(() -> mailsAbout(orderId).size() == 5);
	}

	@Test
	void sendsAPoisonMessageToTheDeadLetterTopicAndGoesOn() {
		String orderId = UUID.randomUUID().toString();
		kafka.sendCloudEvent("chairside.orders", orderId, UUID.randomUUID().toString(),
				"chairside.order.OrderChanged.v1", 2, "[1,2,3]");
		publish("OrderCancelled", orderId, UUID.randomUUID().toString());

		await().until(() -> kafka.records("chairside.orders.notification-service.dlt").stream().anyMatch(r -> orderId.equals(r.key())));
		await().until(() -> notificationsOf(orderId, "FINANCE").size() == 1);
	}

	@Test
	void aPoisonRecordAmidAPollIsDeadLetteredAloneAndTheEventsAroundItAreHandledOnce() {
		String key = UUID.randomUUID().toString();
		String before = UUID.randomUUID().toString();
		String after = UUID.randomUUID().toString();
		String poison = UUID.randomUUID().toString();
		try (LoggedProblems logged = LoggedProblems.capture()) {
			inOnePoll(() -> {
				publish("OrderCancelled", before, UUID.randomUUID().toString(), key);
				kafka.sendCloudEvent("chairside.orders", key, poison, "chairside.order.OrderChanged.v1", 2, "[1,2,3]");
				publish("OrderCancelled", after, UUID.randomUUID().toString(), key);
			});

			// the binding's restart makes the broker rebalance first, which takes seconds on a loaded machine
			await().atMost(REBALANCE)
				.untilAsserted(() -> assertThat(List.of(mailsAbout(before).size(), mailsAbout(after).size()))
					.as("mails about the events before and after the poison record").containsExactly(5, 5));
			assertThat(logged.at(Level.WARN, "com.chairside.platform.inbox")).as("the poison record, named once")
				.singleElement().asString().contains("poison message", poison);
			assertThat(logged.at(Level.ERROR, "org.springframework")).as("an expected path: no stack trace at ERROR")
				.isEmpty();
		}
		for (String orderId : List.of(before, after)) {
			assertThat(this.api.get("/api/notifications?orderId=" + orderId).json().path("items")).hasSize(5);
		}
		List<Received> dead = kafka.records("chairside.orders.notification-service.dlt");
		await().until(() -> dead.stream().anyMatch((r) -> key.equals(r.key())));
		assertThat(dead.stream().filter((r) -> key.equals(r.key()))).as("the poison record alone")
			.singleElement()
			.satisfies((r) -> assertThat(r.header("ce_id")).isEqualTo(poison))
			.satisfies((r) -> assertThat(r.header("kafka_dlt-exception-fqcn"))
				.isEqualTo("com.chairside.platform.inbox.PoisonMessageException"));
	}

	@Test
	void anEventDeliveredAgainInALaterPollAndTwiceInItIsHandledOnce() {
		String orderId = UUID.randomUUID().toString();
		String ceId = UUID.randomUUID().toString();
		publish("OrderCancelled", orderId, ceId);

		String other = UUID.randomUUID().toString();
		inOnePoll(() -> {
			publish("OrderCancelled", orderId, ceId);
			publish("OrderCancelled", other, UUID.randomUUID().toString());
			publish("OrderCancelled", orderId, ceId);
		});

		await().atMost(REBALANCE).until(() -> mailsAbout(other).size() == 5);
		await().until(() -> kafka.consumedAll("notification-service", "chairside.orders"));
		assertThat(this.api.get("/api/notifications?orderId=" + orderId).json().path("items")).hasSize(5);
		assertThat(mailsAbout(orderId)).hasSize(5);
	}

	@Test
	void aDepartmentReadsOnlyItsOwnNotifications() {
		String orderId = publish("OrderCancelled", UUID.randomUUID().toString(), UUID.randomUUID().toString());
		await().until(() -> notificationsOf(orderId, "PRODUCTION").size() == 1);

		Api production = this.api.as(Infrastructure.get().departmentToken("prod.lead", "PRODUCTION"));
		assertThat(production.get("/api/notifications?orderId=" + orderId).json().path("items"))
			.extracting(n -> n.path("department").asString()).containsOnly("PRODUCTION");
		assertThat(production.get("/api/notifications?department=FINANCE").status()).isEqualTo(403);
		assertThat(this.api.get("/api/notifications?department=MARKETING").status()).isEqualTo(400);
		assertThat(this.api.as(null).get("/api/notifications").status()).isEqualTo(401);
	}

}
