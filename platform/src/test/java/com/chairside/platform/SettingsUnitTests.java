package com.chairside.platform;

import org.junit.jupiter.api.Test;

import com.chairside.testsupport.ServiceSettings;

/**
 * The settings platform reads, which every service shares, are declared in records under {@code chairside.outbox} and
 * {@code chairside.store}, described and with today's defaults, in the generated configuration metadata.
 */
class SettingsUnitTests {

	@Test
	void everySharedSettingIsDeclaredWithItsDefault() {
		ServiceSettings.assertSharedDeclared("chairside.outbox.backlog-interval=15s", "chairside.outbox.batch-size=200",
				"chairside.outbox.lease=15s", "chairside.outbox.partitions=6", "chairside.outbox.replication-factor=1",
				"chairside.outbox.send-timeout=10s", "chairside.outbox.sweep-grace=5s",
				"chairside.outbox.sweep-interval=5s", "chairside.store.kind=auto",
				"chairside.store.server-selection-timeout=2s", "chairside.store.connect-timeout=2s",
				"chairside.store.read-timeout=30s");
	}

}
