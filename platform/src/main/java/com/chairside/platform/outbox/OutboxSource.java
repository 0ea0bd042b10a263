package com.chairside.platform.outbox;

/**
 * A MongoDB collection whose documents carry {@code pendingEvents}, and the topic they are published to. A service
 * declares one bean per aggregate it owns; the relay and the topic set-up find them.
 */
public record OutboxSource(String collection, String topic) {
}
