package com.chairside.notification.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import com.chairside.devstack.MailSink.Mail;
import com.chairside.notification.NotificationServiceTest;
import com.chairside.testsupport.Infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notifications of one event go to the store in one insertMany and their mails into the mail queue after them;
 * what a crash between the two, a redelivery or a store from before the queue leaves behind still ends in one mail per
 * recipient, through the real store and the real SMTP sink.
 */
@NotificationServiceTest
class MailQueueIntegrationTests {

	@Autowired
	NotificationManagement notifications;

	@Autowired
	MailQueue queue;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	NotificationProperties properties;

	@Autowired
	Clock clock;

	private static Notice placed(String orderId, Set<Department> departments) {
		return new Notice(UUID.randomUUID().toString(), "OrderPlaced", orderId, "account-1", "NORTHEAST", Instant.now(),
				"Order " + orderId + " placed", "Order " + orderId + "\n", List.of(), departments, Set.of(), null);
	}

	private static List<Mail> mailsAbout(String orderId) {
		return Infrastructure.get().mail().received().stream().filter((m) -> m.body().contains(orderId)).toList();
	}

	private long stored(String orderId) {
		return this.mongo.count(Query.query(Criteria.where("orderId").is(orderId)), Notification.class);
	}

	/** The notification of {@code notice} for {@code department} as record stores it, written without its mail. */
	private Notification storedWithoutItsMail(Notice notice, Department department) {
		return this.mongo.insert(Notification.of(notice, department, null, this.properties.recipientOf(department),
				this.clock.instant(), null));
	}

	@Test
	void aRedeliveredEventRecordsNothingNewAndIsMailedOnce() {
		String orderId = UUID.randomUUID().toString();
		Notice notice = placed(orderId, Set.of(Department.FINANCE, Department.LOGISTICS));

		assertThat(this.notifications.record(notice)).extracting(Notification::department)
			.containsExactlyInAnyOrder(Department.FINANCE, Department.LOGISTICS);
		await().until(() -> mailsAbout(orderId).size() == 2);

		assertThat(this.notifications.record(notice)).as("the redelivery records nothing").isEmpty();
		assertThat(stored(orderId)).isEqualTo(2);
		await().during(Duration.ofSeconds(1)).until(() -> mailsAbout(orderId).size() == 2);
	}

	@Test
	void aRedeliveryRecordsOnlyWhatTheFirstDeliveryDidNotStore() {
		String orderId = UUID.randomUUID().toString();
		Notice notice = placed(orderId, Set.of(Department.FINANCE, Department.LOGISTICS, Department.PRODUCTION));
		storedWithoutItsMail(notice, Department.FINANCE);

		assertThat(this.notifications.record(notice)).extracting(Notification::department)
			.containsExactlyInAnyOrder(Department.LOGISTICS, Department.PRODUCTION);
		assertThat(stored(orderId)).isEqualTo(3);
		// The finance notification stored before the crash is mailed too: the redelivery owed its mail again.
		await().untilAsserted(() -> assertThat(mailsAbout(orderId)).extracting(Mail::to)
			.containsExactlyInAnyOrder("finance@chairside.example", "logistics@chairside.example",
					"production@chairside.example"));
	}

	@Test
	void theSweepMailsANotificationLeftWithoutItsQueueEntry() {
		String orderId = UUID.randomUUID().toString();
		Notification left = storedWithoutItsMail(placed(orderId, Set.of(Department.INSTALLATION)),
				Department.INSTALLATION);
		await().during(Duration.ofSeconds(1)).until(() -> mailsAbout(orderId).isEmpty());

		assertThat(this.queue.sweep(this.clock.instant())).isGreaterThanOrEqualTo(1);

		await().until(() -> mailsAbout(orderId).size() == 1);
		await().until(() -> this.mongo.findById(left.id(), Notification.class).delivery() == Delivery.SENT);
		await("nothing owed for it any more")
			.until(() -> this.mongo.getCollection(MailQueue.COLLECTION).countDocuments(Filters.eq("_id", left.id())) == 0);
		this.queue.sweep(this.clock.instant());
		await().during(Duration.ofSeconds(1)).until(() -> mailsAbout(orderId).size() == 1);
	}

}
