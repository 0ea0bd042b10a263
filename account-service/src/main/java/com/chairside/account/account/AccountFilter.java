package com.chairside.account.account;

/** What {@code GET /api/accounts} narrows by; null means any. */
public record AccountFilter(String region, AccountStatus status, String owner, AccountKind kind) {

}
