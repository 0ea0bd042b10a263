package com.chairside.reporting.projection.rebuild;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chairside.reporting.rebuild.*}: records per batch (one poll, one round of bulk writes per projection), an
 * optional pause between batches to spare a busy store, and the lease after which another replica takes a rebuild
 * over.
 */
@ConfigurationProperties("chairside.reporting.rebuild")
public record RebuildSettings(int batchSize, Duration pauseBetweenBatches, Duration lease) {

	public RebuildSettings {
		batchSize = (batchSize > 0) ? batchSize : 5000;
		pauseBetweenBatches = (pauseBetweenBatches != null) ? pauseBetweenBatches : Duration.ZERO;
		lease = (lease != null) ? lease : Duration.ofSeconds(30);
	}

}
