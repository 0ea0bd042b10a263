package com.chairside.notification.customer;

import java.time.Instant;

/**
 * A practice was mailed about its order. {@code to} is masked ({@code p***@smile-ortho.example}): the topic is read
 * widely, and account-service, which owns the address, needs only to know which mail went out.
 */
record CustomerMailSent(String customerMailId, String accountId, String orderId, String orderNumber, String kind,
		String language, String to, String subject, String causationEventId, Instant sentAt) {
}
