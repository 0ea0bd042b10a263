package com.chairside.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how long the relay rests between rounds
 * @param lease how long one relay holds a document before another replica may publish it
 * @param sendTimeout how long one send may wait for the broker before the event stays for the next round
 * @param batchSize documents looked at per collection and round
 * @param partitions partitions of each topic the service creates
 * @param replicationFactor replicas of each topic the service creates (1 on the single-node embedded broker)
 */
@ConfigurationProperties("chairside.outbox")
public record OutboxProperties(@DefaultValue("200ms") Duration pollInterval, @DefaultValue("15s") Duration lease,
		@DefaultValue("10s") Duration sendTimeout, @DefaultValue("200") int batchSize,
		@DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor) {
}
