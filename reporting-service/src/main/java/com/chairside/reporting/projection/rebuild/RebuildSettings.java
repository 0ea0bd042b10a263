package com.chairside.reporting.projection.rebuild;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code chairside.reporting.rebuild.*}: records per batch (one poll, one round of bulk writes per projection), an
 * optional pause between batches to spare a busy store, and the lease after which another replica takes a rebuild
 * over.
 *
 * @param batchSize records read per poll and written per round of bulk writes (default 5000)
 * @param pauseBetweenBatches a pause between batches that spares a busy store (none by default)
 * @param lease a running rebuild whose worker has not written for this long is taken over by any replica (default 30s)
 * @param watchInterval how often a replica looks for rebuilds whose lease ran out (default 10s)
 */
@ConfigurationProperties("chairside.reporting.rebuild")
public record RebuildSettings(@DefaultValue("5000") int batchSize, @DefaultValue("0ms") Duration pauseBetweenBatches,
		@DefaultValue("30s") Duration lease, @DefaultValue("10s") Duration watchInterval) {

}
