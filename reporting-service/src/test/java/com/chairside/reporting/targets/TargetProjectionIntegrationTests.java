package com.chairside.reporting.targets;

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

/** reporting-service keeps lead-service's targets from the contract example of TargetSet on a real broker. */
@ServiceIntegrationTest
class TargetProjectionIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final String TYPE = "chairside.target.TargetSet.v1";

	@Autowired
	MongoTemplate mongo;

	/** The current copy of the projection (a rebuild in another test may have replaced the first one). */
	@Autowired
	ActiveCollections active;

	private RegionTarget target(String id) {
		return this.mongo.findById(id, RegionTarget.class, this.active.of("targets"));
	}

	@Test
	void keepsTheNewestTargetOfARegionAndPeriod() {
		String region = "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
		String id = region + ":2026-11";
		kafka.sendCloudEvent("chairside.targets", id, UUID.randomUUID().toString(), TYPE, 2,
				Contracts.example(TYPE, "targetId", id, "region", region, "leadsCaptured", "150"));
		kafka.sendCloudEvent("chairside.targets", id, UUID.randomUUID().toString(), TYPE, 1,
				Contracts.example(TYPE, "targetId", id, "region", region, "leadsCaptured", "90"));

		await().until(() -> target(id) != null
				&& kafka.consumedAll("reporting-service", "chairside.targets"));
		RegionTarget target = target(id);
		assertThat(target.leadsCaptured()).as("the older event came late and is ignored").isEqualTo(150);
		assertThat(target.period()).isEqualTo("2026-11");
		assertThat(target.bookingsAmount()).isEqualTo("950000.00");
		assertThat(target.bookingsCurrency()).isEqualTo("USD");
	}

}
