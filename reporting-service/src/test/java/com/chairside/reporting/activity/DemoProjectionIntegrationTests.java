package com.chairside.reporting.activity;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.chairside.reporting.projection.ActiveCollections;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * reporting-service keeps each demo as account-service's events on a real broker leave it (the contract examples):
 * moved to its new unit and start, and a cancelled one no longer scheduled.
 */
@ServiceIntegrationTest
class DemoProjectionIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final String DEMO = "chairside.demo.";

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ActiveCollections active;

	private Demo demo(String id) {
		return this.mongo.findById(id, Demo.class, this.active.of("demos"));
	}

	private void publish(String demoId, String event, long sequence, String... fields) {
		String type = DEMO + event + ".v1";
		String[] all = new String[fields.length + 4];
		all[0] = "demoId";
		all[1] = demoId;
		all[2] = "region"; // a region of its own: the packs of other tests' regions do not see these demos
		all[3] = "DEMO_PROJECTION";
		System.arraycopy(fields, 0, all, 4, fields.length);
		kafka.sendCloudEvent("chairside.demos", demoId, UUID.randomUUID().toString(), type, sequence,
				Contracts.example(type, all));
	}

	@Test
	void keepsAMovedDemoWhereItIsNowAndACancelledOneAsNoLongerScheduled() {
		String moved = UUID.randomUUID().toString();
		String cancelled = UUID.randomUUID().toString();
		publish(moved, "DemoScheduled", 1);
		publish(moved, "DemoRescheduled", 2);
		publish(cancelled, "DemoScheduled", 1);
		publish(cancelled, "DemoCancelled", 2, "accountId", "8a7d3c21-4e5f-4b6a-9c8d-2f1e0b3a4d56");
		publish(cancelled, "DemoRescheduled", 1); // a late duplicate of an older sequence changes nothing

		await().until(() -> demo(moved) != null && demo(cancelled) != null && "CANCELLED".equals(demo(cancelled).status())
				&& kafka.consumedAll("reporting-service", "chairside.demos"));
		Demo now = demo(moved);
		assertThat(now.status()).isEqualTo("SCHEDULED");
		assertThat(now.scheduled()).isTrue();
		assertThat(now.demoUnit()).as("from DemoRescheduled's example").isEqualTo("DEMO-VAN-EAST-2");
		assertThat(now.start()).isEqualTo("2026-12-04T09:00:00Z");

		Demo off = demo(cancelled);
		assertThat(off.scheduled()).as("a cancelled demo no longer counts as scheduled").isFalse();
		assertThat(off.cancelledBy()).isEqualTo("am.northeast");
		assertThat(off.leadId()).isEqualTo("5f0c2a9e-7b1d-4c3e-9a52-1e8d4b6f2c71");
		assertThat(off.demoUnit()).isEqualTo("DEMO-VAN-EAST-1");
	}

}
