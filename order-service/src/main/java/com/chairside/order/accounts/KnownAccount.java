package com.chairside.order.accounts;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What order-service keeps of an account: enough to place its orders in the right region and name it on the order
 * form; {@code status} as account-service last told it (null when not told yet).
 */
@Document("known_accounts")
public record KnownAccount(@Id String id, String name, String region, String status, long sequence) {
}
