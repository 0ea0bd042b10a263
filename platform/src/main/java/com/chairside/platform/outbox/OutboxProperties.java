package com.chairside.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sweepInterval how often the relay scans its collections for events no wake-up brought (staged by another
 * process, a lost wake-up, a failed send); wake-ups are relayed at once
 * @param sweepGrace how old the first pending event of a document must be before a sweep takes it, so that a sweep does
 * not race the wake-up of the replica that wrote it
 * @param lease how long one relay holds a swept document before another replica may publish it
 * @param sendTimeout how long one send may wait for the broker before the event stays for the next round
 * @param batchSize documents relayed together per collection (sent in parallel, each document's events in order)
 * @param partitions partitions of each topic the service creates
 * @param replicationFactor replicas of each topic the service creates (1 on the single-node embedded broker)
 * @param backlogInterval how often the backlog gauges ({@link OutboxBacklog}) are read from the store
 */
@ConfigurationProperties("chairside.outbox")
public record OutboxProperties(@DefaultValue("5s") Duration sweepInterval, @DefaultValue("5s") Duration sweepGrace,
		@DefaultValue("15s") Duration lease, @DefaultValue("10s") Duration sendTimeout,
		@DefaultValue("200") int batchSize, @DefaultValue("6") int partitions,
		@DefaultValue("1") short replicationFactor, @DefaultValue("15s") Duration backlogInterval) {
}
