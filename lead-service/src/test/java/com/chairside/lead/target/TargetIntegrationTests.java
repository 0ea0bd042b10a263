package com.chairside.lead.target;


import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.chairside.testsupport.Api;
import com.chairside.testsupport.Contracts;
import com.chairside.testsupport.Infrastructure;
import com.chairside.testsupport.KafkaProbe;
import com.chairside.testsupport.KafkaProbe.Received;
import com.chairside.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The regional plan's targets over real HTTP, published on the real broker. */
@ServiceIntegrationTest
class TargetIntegrationTests {

	private static final KafkaProbe kafka = KafkaProbe.shared();

	private static final String TARGET = """
			{"leadsCaptured":%d,"leadsQualified":40,"leadsConverted":12,"bookings":{"amount":"950000","currency":"USD"}}""";

	@LocalServerPort
	int port;

	@Test
	void aSalesManagerSetsTheirRegionsTargetAndItIsPublishedOnceperChange() {
		String region = Infrastructure.get().uniqueRegion();
		String path = "/api/regions/" + region + "/targets/2026-11";
		Api manager = Api.local(this.port, Infrastructure.get().token("sm." + region, "SALES_MANAGER", region));

		Api.Response set = manager.send("PUT", path, TARGET.formatted(120));
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(set.field("targetId")).isEqualTo(region + ":2026-11");
		assertThat(set.json().path("bookings").path("amount").asString()).isEqualTo("950000.00");
		Received published = kafka.awaitRecord("chairside.targets", region + ":2026-11", "chairside.target.TargetSet.v1");
		assertThat(Contracts.violations("chairside.target.TargetSet.v1", published.value())).isEmpty();
		assertThat(published.header("ce_subject")).isEqualTo(region + ":2026-11");
		assertThat(published.value()).contains("\"leadsCaptured\":120", "\"setBy\":\"sm." + region + "\"");

		assertThat(manager.send("PUT", path, TARGET.formatted(120)).status()).as("the same again").isEqualTo(200);
		assertThat(manager.send("PUT", path, TARGET.formatted(150)).field("leadsCaptured")).isEqualTo("150");
		await().until(() -> kafka.records("chairside.targets").stream().anyMatch((r) -> r.value().contains("\"leadsCaptured\":150")));
		assertThat(kafka.records("chairside.targets").stream().filter((r) -> (region + ":2026-11").equals(r.key()))
			.map((r) -> r.header("ce_sequence")).distinct())
			.as("setting the same values again published nothing").containsExactly("1", "2");

		Api accountManager = manager.as(Infrastructure.get().token("am." + region, "ACCOUNT_MANAGER", region));
		assertThat(accountManager.get(path).field("leadsCaptured")).isEqualTo("150");
		assertThat(accountManager.send("PUT", path, TARGET.formatted(1)).status()).isEqualTo(403);
		assertThat(manager.as(Infrastructure.get().token("am.other", "ACCOUNT_MANAGER", Infrastructure.get().uniqueRegion())).get(path).status())
			.as("another region's target does not exist for an account manager").isEqualTo(404);
		assertThat(manager.as(Infrastructure.get().token("sm.other", "SALES_MANAGER", Infrastructure.get().uniqueRegion()))
			.send("PUT", path, TARGET.formatted(1)).status()).as("another region's sales manager").isEqualTo(403);
	}

	@Test
	void refusesABadPeriodOrFiguresNamingTheField() {
		Api admin = Api.local(this.port, Infrastructure.get().token("admin", "ADMIN", null));
		Api.Response badPeriod = admin.send("PUT", "/api/regions/NORTHEAST/targets/2026-13", TARGET.formatted(1));
		assertThat(badPeriod.status()).isEqualTo(400);
		assertThat(badPeriod.contentType()).startsWith("application/problem+json");
		assertThat(badPeriod.body()).contains("period");

		Api.Response negative = admin.send("PUT", "/api/regions/NORTHEAST/targets/2027", TARGET.formatted(-5));
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.json().path("errors").findValuesAsString("field")).contains("leadsCaptured");
		assertThat(admin.get("/api/regions/NORTHEAST/targets/2027").status()).as("nothing was set").isEqualTo(404);
	}

}
