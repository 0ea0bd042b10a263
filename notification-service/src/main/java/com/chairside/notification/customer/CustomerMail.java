package com.chairside.notification.customer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import com.chairside.platform.outbox.PendingEvent;

/**
 * One mail owed to a practice about one order event. Its id is derived from (event, recipient, channel), the
 * recipient being the account's order-mail recipient and the channel e-mail, so a redelivered event owes nothing new.
 * The recipient's address and language are read when the mail goes out, so an opt-out before then is honoured.
 * {@code pendingEvents} holds {@code CustomerMailSent} until the outbox relay has published it. The sender claims
 * the next mail due by status and due time, hence the index.
 */
@Document("customer_mails")
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
record CustomerMail(@Id String id, String eventId, CustomerMailKind kind, String accountId, String orderId,
		String orderNumber, LocalDate committedDeliveryDate, LocalDate previousDeliveryDate, String reason,
		Instant createdAt, CustomerMailStatus status, int attempts, Instant nextAttemptAt, String lastError,
		String language, String subject, Instant sentAt, long revision, List<PendingEvent> pendingEvents) {

	static String idOf(String eventId) {
		String key = eventId + "|order-mail-recipient|EMAIL";
		return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
	}

}
