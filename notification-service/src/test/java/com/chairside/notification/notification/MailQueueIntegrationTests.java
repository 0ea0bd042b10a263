package com.chairside.notification.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.chairside.devstack.MailSink.Mail;
import com.chairside.notification.NotificationReplica;
import com.chairside.notification.NotificationServiceTest;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.MutableClock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notifications of one event go to the store in one insertMany, each owing its mail; what a redelivery, a store
 * from before the notifications owed their mails, or the old queue's entries leave behind still ends in one mail per
 * recipient, through the real store and the real SMTP sink.
 */
@NotificationServiceTest
class MailQueueIntegrationTests {

	/** Mails enough that sending them all takes a replica many seconds, well past a prompt stop. */
	private static final int BACKLOG = 500;

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

	@Autowired
	Environment environment;

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

	/** How many of the notifications named still owe their mail. */
	private long owing(List<String> ids) {
		return this.mongo.getCollection(MailQueue.COLLECTION)
			.countDocuments(Filters.and(Filters.in("_id", ids), Filters.exists(MailQueue.DUE)));
	}

	/**
	 * The notification of {@code notice} for {@code department} as record stores it, written without its mail (as a
	 * version from before the notifications owed their mails wrote it).
	 */
	private Notification storedWithoutItsMail(Notice notice, Department department) {
		return this.mongo.insert(Notification.of(notice, department, null, this.properties.recipientOf(department),
				this.clock.instant(), null));
	}

	/** {@value #BACKLOG} notifications of finance about {@code orderId}, stored without their mails; their ids. */
	private List<String> backlogAbout(String orderId) {
		List<String> backlog = new ArrayList<>();
		for (int i = 0; i < BACKLOG; i++) {
			backlog.add(storedWithoutItsMail(placed(orderId, Set.of(Department.FINANCE)), Department.FINANCE).id());
		}
		return backlog;
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

	/**
	 * A store written by the version that kept the mails owed in a collection of their own: its entries are mailed,
	 * once, with the claims they counted, and the old collection emptied.
	 */
	@Test
	void theSweepMailsWhatTheOldQueueOwes() {
		String orderId = UUID.randomUUID().toString();
		Notification left = storedWithoutItsMail(placed(orderId, Set.of(Department.LOGISTICS)), Department.LOGISTICS);
		Notification sent = storedWithoutItsMail(placed(orderId, Set.of(Department.FINANCE)), Department.FINANCE);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(sent.id())),
				new Update().set("delivery", Delivery.SENT), Notification.class);
		this.mongo.getCollection(MailQueue.OLD_QUEUE)
			.insertMany(List.of(
					new Document("_id", left.id()).append("nextAttemptAt", Date.from(this.clock.instant()))
						.append("attempts", 2),
					new Document("_id", sent.id()).append("nextAttemptAt", Date.from(this.clock.instant()))));

		assertThat(this.queue.sweep(this.clock.instant())).isGreaterThanOrEqualTo(1);

		await().until(() -> mailsAbout(orderId).size() == 1);
		assertThat(mailsAbout(orderId)).extracting(Mail::to).containsExactly("logistics@chairside.example");
		await().until(() -> this.mongo.findById(left.id(), Notification.class).delivery() == Delivery.SENT);
		assertThat(this.mongo.findById(left.id(), Notification.class).attempts()).as("the old entry's claims counted")
			.isEqualTo(3);
		assertThat(this.mongo.getCollection(MailQueue.OLD_QUEUE)
			.countDocuments(Filters.in("_id", List.of(left.id(), sent.id())))).as("the old entries").isZero();
		this.queue.sweep(this.clock.instant());
		await().during(Duration.ofSeconds(1)).until(() -> mailsAbout(orderId).size() == 1);
	}

	@Test
	void theSweepMailsANotificationThatOwesNoMail() {
		String orderId = UUID.randomUUID().toString();
		Notification left = storedWithoutItsMail(placed(orderId, Set.of(Department.INSTALLATION)),
				Department.INSTALLATION);
		await().during(Duration.ofSeconds(1)).until(() -> mailsAbout(orderId).isEmpty());

		assertThat(this.queue.sweep(this.clock.instant())).isGreaterThanOrEqualTo(1);

		await().until(() -> mailsAbout(orderId).size() == 1);
		await().until(() -> this.mongo.findById(left.id(), Notification.class).delivery() == Delivery.SENT);
		await("nothing owed for it any more").until(() -> owing(List.of(left.id())) == 0);
		this.queue.sweep(this.clock.instant());
		await().during(Duration.ofSeconds(1)).until(() -> mailsAbout(orderId).size() == 1);
	}

	/**
	 * Two replicas dispatching one backlog at once, each claiming batches of it, send every mail once: a mail the other
	 * claimed first is never sent by the one that lost it.
	 */
	@Test
	void twoReplicasDispatchingOneBacklogSendEachMailOnce() {
		String orderId = UUID.randomUUID().toString();
		List<String> backlog = backlogAbout(orderId);
		ConfigurableApplicationContext replica = NotificationReplica.start(this.environment, this.clock);
		try {
			this.queue.enqueue(backlog, this.clock.instant());
			await("both replicas mailing the backlog").atMost(Duration.ofMinutes(2)).until(() -> owing(backlog) == 0);
			await().during(Duration.ofSeconds(1))
				.untilAsserted(() -> assertThat(mailsAbout(orderId)).as("mails sent").hasSize(BACKLOG));
			assertThat(this.mongo.count(Query.query(Criteria.where("_id").in(backlog).and("delivery").is(Delivery.SENT)
				.and("attempts").is(1)), Notification.class)).isEqualTo(BACKLOG);
			assertThat(sentBy(replica.getBean(MeterRegistry.class))).as("mails the other replica sent").isPositive();
		}
		finally {
			replica.close();
			this.mongo.remove(Query.query(Criteria.where("_id").in(backlog)), Notification.class);
		}
	}

	private static double sentBy(MeterRegistry meters) {
		return meters.find("chairside.notifications.sent").counters().stream().mapToDouble(Counter::count).sum();
	}

	/**
	 * A replica that stops ends its dispatching round between two mails and leaves the rest of a backlog to the others,
	 * instead of holding its stop until the whole backlog is sent (and being killed mid-mail when that outlasts the
	 * grace period). The backlog is due on the stopping replica's clock only, so that this context's dispatcher leaves
	 * it alone.
	 */
	@Test
	void aStoppingReplicaLeavesTheRestOfItsBacklogToTheOthers() {
		String orderId = UUID.randomUUID().toString();
		List<String> backlog = backlogAbout(orderId);
		this.queue.enqueue(backlog, this.clock.instant().plus(Duration.ofHours(1)));
		MutableClock ahead = new MutableClock();
		ahead.advance(Duration.ofHours(2));
		try {
			ConfigurableApplicationContext replica = NotificationReplica.start(this.environment, ahead);
			try {
				await("the replica mailing the backlog").until(() -> mailsAbout(orderId).size() >= 20);
				int sent = mailsAbout(orderId).size();
				replica.close();
				// at most the mail under way when the stop began, and one the sink was still taking in when counted
				assertThat(mailsAbout(orderId).size() - sent).as("mails the replica sent once told to stop")
					.isLessThanOrEqualTo(2);
			}
			finally {
				replica.close();
			}
			assertThat(owing(backlog)).as("mails the stopped replica left owed").isPositive();
		}
		finally {
			this.mongo.remove(Query.query(Criteria.where("_id").in(backlog)), Notification.class);
		}
	}

}
