package com.chairside.notification.accounts;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What this service knows of an account: its name (the practice's business name, business data that mails and the
 * inbox show), who owns it and which reseller serves it, from account-service's events.
 * {@code sequence} is the newest {@code ce_sequence} applied, so an older event never overwrites a newer one.
 */
@Document("accounts")
record AccountCard(@Id String id, String name, String region, String owner, String resellerId, long sequence) {
}
