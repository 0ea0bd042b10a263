package com.chairside.notification.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;

import com.chairside.platform.security.CurrentUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A notification on its own: where it stands, when it is due to be escalated, and who may read and acknowledge it
 * ({@link NotificationManagement#requireRecipient}). Its moves between states are conditional writes, tested against
 * the store.
 */
class NotificationUnitTests {

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private static final Instant DEADLINE = NOW.plus(Duration.ofHours(4));

	private static Notice notice(Channel channel) {
		return new Notice("event-1", "OrderChanged", "order-1", "SO-2026-000042", "Harbour Orthodontics", "account-1",
				"NORTHEAST", NOW, "SO-2026-000042 changed", "The delivery date moved", List.of(),
				Set.of(Department.LOGISTICS), Set.of(), null, channel);
	}

	private static Notification toLogistics() {
		return Notification.of(notice(Channel.EMAIL), Department.LOGISTICS, null, "logistics@chairside.example", NOW,
				DEADLINE);
	}

	private static Notification toPerson(String person) {
		return Notification.of(notice(Channel.EMAIL), null, person, person + "@chairside.example", NOW, null);
	}

	/** The notification with its delivery, read, acknowledged and escalated states replaced. */
	private static Notification with(Notification n, Delivery delivery, Instant readAt, Instant acknowledgedAt,
			Instant escalatedAt) {
		return new Notification(n.id(), n.eventId(), n.eventType(), n.orderId(), n.accountId(), n.orderNumber(),
				n.practice(), n.region(), n.department(), n.person(), n.channel(), n.mailbox(), n.subject(), n.body(),
				n.changes(), n.occurredAt(), n.createdAt(), delivery, n.attempts(), n.nextAttemptAt(), n.sentAt(),
				n.lastError(), readAt, n.acknowledgeBy(), acknowledgedAt, (acknowledgedAt != null) ? "someone" : null,
				escalatedAt, (escalatedAt != null) ? "sm" : null, n.escalationOf(), n.revision(), n.pendingEvents());
	}

	private static CurrentUser department(String department) {
		return new CurrentUser(department.toLowerCase() + ".desk", Set.of(CurrentUser.DEPARTMENT), null, department);
	}

	private static CurrentUser user(String id, String role) {
		return new CurrentUser(id, Set.of(role), null, null);
	}

	private static void refused(Notification notification, CurrentUser user) {
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> NotificationManagement.requireRecipient(notification, user, "acknowledges"));
	}

	@Test
	void anEmailIsOwedAndAnInAppNotificationIsDeliveredAsItIsStored() {
		Notification mail = toLogistics();
		assertThat(mail.status()).isEqualTo(Notification.Status.PENDING);
		assertThat(mail.sentAt()).isNull();

		Notification inApp = Notification.of(notice(Channel.IN_APP), Department.LOGISTICS, null, null, NOW, null);
		assertThat(inApp.status()).isEqualTo(Notification.Status.SENT);
		assertThat(inApp.sentAt()).isEqualTo(NOW);
		assertThat(inApp.inbox()).isEqualTo(Notification.Inbox.UNREAD);
	}

	@Test
	void oneEventNamesOneNotificationPerRecipientAndChannel() {
		assertThat(toLogistics().id()).as("redelivered").isEqualTo(toLogistics().id());
		assertThat(Notification.idOf("event-1", Department.LOGISTICS, null, Channel.EMAIL))
			.isNotEqualTo(Notification.idOf("event-1", Department.LOGISTICS, null, Channel.IN_APP))
			.isNotEqualTo(Notification.idOf("event-1", Department.FINANCE, null, Channel.EMAIL))
			.isNotEqualTo(Notification.idOf("event-2", Department.LOGISTICS, null, Channel.EMAIL))
			.isNotEqualTo(Notification.idOf("event-1", null, "am.1", Channel.EMAIL));
	}

	@Test
	void anAcknowledgementOutranksTheMailAndTheInbox() {
		Notification sent = with(toLogistics(), Delivery.SENT, null, null, null);
		assertThat(sent.status()).isEqualTo(Notification.Status.SENT);
		assertThat(sent.inbox()).isEqualTo(Notification.Inbox.UNREAD);
		Notification read = with(sent, Delivery.SENT, NOW, null, null);
		assertThat(read.inbox()).isEqualTo(Notification.Inbox.READ);
		Notification failed = with(toLogistics(), Delivery.FAILED, null, null, null);
		assertThat(failed.status()).isEqualTo(Notification.Status.FAILED);

		Notification acknowledged = with(failed, Delivery.FAILED, null, NOW, null);
		assertThat(acknowledged.status()).isEqualTo(Notification.Status.ACKNOWLEDGED);
		assertThat(acknowledged.inbox()).isEqualTo(Notification.Inbox.ACKNOWLEDGED);
	}

	@Test
	void isDueForEscalationFromItsDeadlineUntilAcknowledgedOrEscalated() {
		Notification notification = toLogistics();
		assertThat(notification.overdue(DEADLINE.minusMillis(1))).isFalse();
		assertThat(notification.overdue(DEADLINE)).isTrue();
		assertThat(with(notification, Delivery.SENT, null, DEADLINE.minusSeconds(1), null).overdue(DEADLINE)).isFalse();
		assertThat(with(notification, Delivery.SENT, null, null, DEADLINE).overdue(DEADLINE.plusSeconds(1))).isFalse();
		assertThat(toPerson("am.1").overdue(DEADLINE)).as("no deadline for a person").isFalse();
	}

	@Test
	void onlyTheDepartmentToldReadsAndAcknowledgesItsNotification() {
		Notification notification = toLogistics();
		assertThatNoException()
			.isThrownBy(() -> NotificationManagement.requireRecipient(notification, department("LOGISTICS"), "reads"));
		refused(notification, department("FINANCE"));
		refused(notification, user("admin", CurrentUser.ADMIN));
		refused(notification, user("sa.1", CurrentUser.SALES_ADMIN));
		refused(notification, new CurrentUser("am.1", Set.of(CurrentUser.ACCOUNT_MANAGER), "NORTHEAST", "LOGISTICS"));
	}

	@Test
	void onlyThePersonToldReadsAndAcknowledgesTheirNotification() {
		Notification notification = toPerson("am.1");
		assertThatNoException().isThrownBy(() -> NotificationManagement.requireRecipient(notification,
				user("am.1", CurrentUser.ACCOUNT_MANAGER), "acknowledges"));
		refused(notification, user("am.2", CurrentUser.ACCOUNT_MANAGER));
		refused(notification, user("admin", CurrentUser.ADMIN));
	}

}
