package com.chairside.notification.mail;

import java.time.Instant;
import java.util.ArrayList;
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
import com.chairside.notification.notification.Delivery;
import com.chairside.notification.notification.Department;
import com.chairside.notification.notification.MailQueue;
import com.chairside.notification.notification.Notice;
import com.chairside.notification.notification.Notification;
import com.chairside.notification.notification.NotificationManagement;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.store.Recording;
import com.chairside.testsupport.store.StoreCommand;
import com.chairside.testsupport.store.StoreCommands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What mailing costs the store: the commands the schedules send on the notifications (which hold the mails owed) and
 * the old mail queue while the dispatcher mails the notifications of a few order changes (four departments each),
 * printed and bounded per mail sent meanwhile.
 */
@NotificationServiceTest
class MailStoreCommandsIntegrationTests {

	private static final Set<Department> FOUR = Set.of(Department.SALES_ADMINISTRATION, Department.PRODUCTION,
			Department.LOGISTICS, Department.FINANCE);

	private static final int CHANGES = 5;

	private static final int MAILS = CHANGES * FOUR.size();

	@Autowired
	NotificationManagement notifications;

	@Autowired
	MongoTemplate mongo;

	private static List<Mail> mailsAbout(String orderId) {
		return Infrastructure.get().mail().received().stream().filter((m) -> m.body().contains(orderId)).toList();
	}

	private boolean owed(List<String> ids) {
		return this.mongo.getCollection("notifications")
			.countDocuments(Filters.and(Filters.in("_id", ids), Filters.exists(MailQueue.DUE))) > 0;
	}

	@Test
	void mailingSendsTheStoreAboutOneCommandPerMail() {
		String orderId = UUID.randomUUID().toString();
		List<Notice> changes = new ArrayList<>();
		for (int i = 1; i <= CHANGES; i++) {
			changes.add(new Notice(UUID.randomUUID().toString(), "OrderChanged", orderId, "SO-2026-00000" + i,
					"Counted Dental", "account-1", "NORTHEAST", Instant.now(), "Order SO-2026-00000" + i + " changed",
					"Order " + orderId + " changed (" + i + ")\n", List.of(), FOUR, Set.of(), null, null));
		}

		List<StoreCommand> sent;
		int mailed;
		try (Recording recording = StoreCommands.get().record()) {
			int before = Infrastructure.get().mail().received().size();
			List<String> ids = this.notifications.recordAll(changes).stream().map(Notification::id).toList();
			assertThat(ids).hasSize(MAILS);
			await().until(() -> mailsAbout(orderId).size() >= MAILS && !owed(ids));
			sent = recording.sentBy(this.mongo.getDb().getName(), (thread) -> thread.startsWith("scheduling"))
				.stream()
				.filter((command) -> "mail_queue".equals(command.collection())
						|| "notifications".equals(command.collection()))
				.toList();
			// The test context is shared: a round of an earlier test's mails may fall into the recording too, with
			// its commands and its mails both.
			mailed = Infrastructure.get().mail().received().size() - before;
		}

		System.out.println(mailed + " mails sent: the store got " + sent.size()
				+ " commands on the notifications and the old mail queue from the schedules:\n" + Recording.lines(sent));
		assertThat(mailsAbout(orderId)).hasSize(MAILS);
		assertThat(this.mongo.count(Query.query(Criteria.where("orderId").is(orderId).and("delivery").is(Delivery.SENT)
			.and("attempts").is(1)), Notification.class)).isEqualTo(MAILS);
		assertThat(mailed).isGreaterThanOrEqualTo(MAILS);
		assertThat(sent).hasSizeLessThanOrEqualTo(2 * mailed);
	}

}
