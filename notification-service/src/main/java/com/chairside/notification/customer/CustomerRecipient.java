package com.chairside.notification.customer;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who at a practice receives its order mail, from account-service's {@code OrderMailRecipientChanged}: personal data
 * kept here for this purpose only. {@code email} is {@code null} while nobody may be mailed (opted out, no address).
 * {@code sequence} is the newest {@code ce_sequence} applied, so an older event never overwrites a newer one.
 */
@Document("customer_recipients")
record CustomerRecipient(@Id String accountId, String email, String language, long sequence) {
}
