package com.chairside.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisorUnitTests {

	final Catalogue catalogue = Catalogue.of(Path.of("/repo"), Path.of("/repo/.chairside"));

	@Test
	void aPartStartsOnceThoseOfItsDependenciesStartedHereAnswer() {
		Part lead = this.catalogue.part("lead-service");
		Set<String> all = Set.of("kafka", "mongodb", "lead-service");

		assertThat(Supervisor.startable(lead, all, Set.of("kafka"))).isFalse();
		assertThat(Supervisor.startable(lead, all, Set.of("kafka", "mongodb"))).isTrue();
		assertThat(Supervisor.startable(lead, Set.of("kafka", "lead-service"), Set.of("kafka")))
			.as("a store running elsewhere is not waited for")
			.isTrue();
		assertThat(Supervisor.startable(this.catalogue.part("gateway"), all, Set.of("kafka", "mongodb"))).isFalse();
		assertThat(Supervisor.startable(this.catalogue.part("gateway"), all, Set.of("lead-service"))).isTrue();
	}

	@Test
	void theWholeSuiteStopsInTheReverseOfItsStartTheGatewayFirstAndTheBrokerLast() {
		List<List<Part>> waves = Supervisor.stopOrder(this.catalogue.parts());

		assertThat(waves).extracting((wave) -> wave.stream().map(Part::name).toList())
			.containsExactly(List.of("gateway"),
					List.of("reporting-service", "notification-service", "order-service", "account-service", "lead-service"),
					List.of("zipkin", "issuer", "mail", "mongodb", "kafka"));
	}

	@Test
	void partsWithoutDependentsAmongThemStopTogether() {
		List<Part> parts = List.of(this.catalogue.part("kafka"), this.catalogue.part("mail"));

		assertThat(Supervisor.stopOrder(parts)).extracting((wave) -> wave.stream().map(Part::name).toList())
			.containsExactly(List.of("mail", "kafka"));
	}

}
