package com.chairside.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicasUnitTests {

	@TempDir
	Path state;

	@Test
	void aSpecificationNamesServicesAndTheirCounts() {
		assertThat(Replicas.parse("notification-service=3,reporting-service=2"))
			.containsExactly(Map.entry("notification-service", 3), Map.entry("reporting-service", 2));
	}

	@Test
	void aServiceThatIsNoneOrACountOutsideOneToNineIsRefused() {
		assertThatThrownBy(() -> Replicas.parse("notification=2"))
			.hasMessage("--replicas: 'notification' is not a service (lead-service account-service order-service "
					+ "notification-service reporting-service)");
		assertThatThrownBy(() -> Replicas.parse("gateway")).hasMessageContaining("'gateway' is not a service");
		assertThatThrownBy(() -> Replicas.parse("notification-service=12"))
			.hasMessage("--replicas: notification-service=12: give a count from 1 to 9");
		assertThatThrownBy(() -> Replicas.parse("notification-service=0")).hasMessageContaining("from 1 to 9");
	}

	@Test
	void countsAreRememberedBesideTheOthersAndTheLastLineOfAServiceCounts() throws Exception {
		Replicas replicas = new Replicas(this.state);
		assertThat(replicas.counts()).isEmpty();

		replicas.remember(Map.of("notification-service", 3));
		replicas.remember(Map.of("reporting-service", 2));
		replicas.remember(Map.of("notification-service", 1));

		assertThat(replicas.counts()).containsEntry("notification-service", 1).containsEntry("reporting-service", 2);
		Files.writeString(replicas.file(), "lead-service 2\nlead-service 4\n");
		assertThat(replicas.counts()).containsExactly(Map.entry("lead-service", 4));
	}

}
