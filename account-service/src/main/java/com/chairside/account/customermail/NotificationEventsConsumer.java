package com.chairside.account.customermail;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

import com.chairside.account.account.Account;
import com.chairside.account.activity.Activity;
import com.chairside.account.activity.ActivityType;
import com.chairside.account.activity.Direction;
import com.chairside.platform.inbox.EventHandlers;
import com.chairside.platform.inbox.PoisonMessageException;

/**
 * Consumes {@code chairside.notifications} (group {@code account-service}): each {@code CustomerMailSent} becomes an
 * outbound EMAIL on the account's timeline, its subject the summary, logged by {@code notification-service}. The
 * entry's id is derived from the mail's, so a redelivery adds nothing. A mail for an account not opened here (yet)
 * fails, so the binder retries it and then dead-letters it.
 */
@Configuration(proxyBeanMethods = false)
class NotificationEventsConsumer {

	private static final Logger log = LoggerFactory.getLogger(NotificationEventsConsumer.class);

	static final String LOGGED_BY = "notification-service";

	@Bean
	Consumer<Message<byte[]>> notificationEvents(EventHandlers handlers, MongoTemplate mongo) {
		return handlers.consumer("account-service.notificationEvents", (event) -> {
			if (!event.name().equals("CustomerMailSent")) {
				return; // the department notifications concern no account's timeline
			}
			SentMail mail = event.dataAs(SentMail.class, handlers.json());
			if (mail.customerMailId() == null || mail.accountId() == null) {
				throw new PoisonMessageException("CustomerMailSent " + event.id() + " lacks customerMailId or accountId");
			}
			Account account = mongo.findById(mail.accountId(), Account.class);
			if (account == null) {
				throw new IllegalStateException("CustomerMailSent " + event.id() + " names account " + mail.accountId()
						+ ", which is not open here (yet)");
			}
			Instant at = (mail.sentAt() != null) ? mail.sentAt() : event.time();
			String summary = (mail.subject() != null) ? mail.subject() : "Order mail " + mail.orderNumber();
			Activity activity = new Activity("mail-" + mail.customerMailId(), mail.accountId(), account.region(),
					ActivityType.EMAIL, Direction.OUTBOUND, at, (mail.to() != null) ? List.of(mail.to()) : List.of(),
					summary, (mail.orderNumber() != null) ? "Order form " + mail.orderNumber() + ".pdf attached" : null,
					null, account.owner(), LOGGED_BY, at, null);
			try {
				mongo.insert(activity);
			}
			catch (DuplicateKeyException ex) {
				log.debug("Customer mail {} is on the timeline already", mail.customerMailId());
			}
		});
	}

	/** The fields of CustomerMailSent read here. */
	record SentMail(String customerMailId, String accountId, String orderId, String orderNumber, String kind,
			String language, String to, String subject, Instant sentAt) {
	}

}
