package com.chairside.notification.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.devstack.MailSink.Mail;
import com.chairside.notification.NotificationServiceTest;
import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Next steps falling due and demos tomorrow remind their owner: in the inbox on the morning they are due, and one mail
 * per person that morning (the job invoked on the test clock, the reminders' zone UTC).
 */
@NotificationServiceTest
class ReminderIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	@LocalServerPort
	int port;

	@Autowired
	ReminderJob job;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private static void send(String topic, String key, String type, long sequence, String... fields) {
		kafka.sendCloudEvent(topic, key, UUID.randomUUID().toString(), type, sequence, Contracts.example(type, fields));
	}

	private static void activity(String accountId, String owner, LocalDate due, long sequence) {
		send("chairside.accounts", accountId, "chairside.account.ActivityLogged.v1", sequence, "accountId", accountId,
				"activityId", UUID.randomUUID().toString(), "nextStepDue", due.toString(), "loggedBy", owner);
	}

	private static String demo(String accountId, String owner, Instant start) {
		String demoId = UUID.randomUUID().toString();
		send("chairside.demos", demoId, "chairside.demo.DemoScheduled.v1", 1, "demoId", demoId, "accountId", accountId,
				"scheduledBy", owner, "start", start.toString(), "end", start.plus(Duration.ofHours(3)).toString());
		return demoId;
	}

	private static List<Mail> mailsTo(String owner) {
		return Infrastructure.get().mail().received().stream()
			.filter((m) -> m.to().equals(owner + "@chairside.example"))
			.toList();
	}

	private void at(Instant instant) {
		this.clock.reset();
		this.clock.advance(Duration.between(this.clock.instant(), instant));
	}

	@Test
	void remindsTheOwnerOfANextStepDueAndADemoTomorrowInTheInboxAndByOneMorningMail() {
		String owner = "am.reminded." + UUID.randomUUID().toString().substring(0, 8);
		String accountId = UUID.randomUUID().toString();
		LocalDate tomorrow = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).plusDays(1);
		Instant dayAfter = tomorrow.plusDays(1).atTime(14, 0).toInstant(ZoneOffset.UTC);
		send("chairside.accounts", accountId, "chairside.account.AccountOpened.v1", 1, "accountId", accountId, "name",
				"Bright Smiles Pediatric", "owner", owner);
		activity(accountId, owner, tomorrow, 2);
		activity(accountId, owner, tomorrow.plusDays(4), 3);
		demo(accountId, owner, dayAfter);
		String cancelled = demo(accountId, owner, dayAfter.plus(Duration.ofHours(1)));
		send("chairside.demos", cancelled, "chairside.demo.DemoCancelled.v1", 2, "demoId", cancelled, "accountId",
				accountId);
		String moved = demo(accountId, owner, dayAfter.plus(Duration.ofDays(5)));
		send("chairside.demos", moved, "chairside.demo.DemoRescheduled.v1", 2, "demoId", moved, "accountId", accountId,
				"start", dayAfter.plus(Duration.ofHours(3)).toString(), "end",
				dayAfter.plus(Duration.ofHours(5)).toString());
		send("chairside.demos", moved, "chairside.demo.DemoRescheduled.v1", 2, "demoId", moved, "accountId", accountId,
				"start", dayAfter.plus(Duration.ofHours(3)).toString(), "end",
				dayAfter.plus(Duration.ofHours(5)).toString());
		await().until(() -> kafka.consumedAll("notification-service", "chairside.accounts")
				&& kafka.consumedAll("notification-service", "chairside.demos"));
		Api api = Api.local(this.port, Infrastructure.get().token(owner, "ACCOUNT_MANAGER", "NORTHEAST"));

		at(tomorrow.atTime(6, 59).toInstant(ZoneOffset.UTC));
		assertThat(this.job.remind()).as("before the morning time").isZero();

		at(tomorrow.atTime(7, 5).toInstant(ZoneOffset.UTC));
		assertThat(this.job.remind()).as("owners mailed this morning").isPositive();
		JsonNode items = api.get("/api/notifications?recipient=me").json().path("items");
		assertThat(items).extracting((n) -> n.path("eventType").asString())
			.containsExactlyInAnyOrder("NextStepDue", "DemoTomorrow", "DemoTomorrow", "MorningReminders");
		assertThat(items).filteredOn((n) -> n.path("eventType").asString().equals("NextStepDue"))
			.extracting((n) -> n.path("title").asString())
			.containsExactly("Bright Smiles Pediatric: next step due today");
		await().until(() -> mailsTo(owner).size() == 1);
		Mail mail = mailsTo(owner).get(0);
		assertThat(mail.subject()).isEqualTo("Your day, " + tomorrow + ": 3 reminders");
		assertThat(mail.body()).contains("Next steps due today:", "Bright Smiles Pediatric: VISIT",
				"Demos tomorrow:", "14:00-17:00 Bright Smiles Pediatric on DEMO-VAN-EAST-1",
				"17:00-19:00 Bright Smiles Pediatric on DEMO-VAN-EAST-2");

		this.clock.advance(Duration.ofHours(2));
		assertThat(this.job.remind()).as("the morning round is done for the day").isZero();
		await().during(Duration.ofSeconds(1)).until(() -> mailsTo(owner).size() == 1);
	}

}
