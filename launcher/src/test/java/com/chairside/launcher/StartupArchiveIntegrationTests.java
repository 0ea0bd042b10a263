package com.chairside.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The training run as a process: a run that fails leaves no archive behind and gives its claim up, so that the next
 * start tries again. (A training run that succeeds is seen in the system tests: ReplicaSystemTests' replicas start
 * from the archives the suite's first start made.)
 */
class StartupArchiveIntegrationTests {

	@Test
	void aTrainingRunThatFailsLeavesNoArchiveAndGivesItsClaimUp(@TempDir Path extracted, @TempDir Path logs) {
		Path jar = extracted.resolve("lead-service.jar"); // no such jar: the training JVM cannot start
		Path claim = extracted.resolve(StartupArchive.FILE + ".training");

		Part applied = StartupArchive.applied(StartupArchiveUnitTests.part(jar), jar, logs);

		assertThat(applied).as("started as it is").isEqualTo(StartupArchiveUnitTests.part(jar));
		Path log = logs.resolve("lead-service-training.log");
		await("the training run ended").atMost(Duration.ofSeconds(60)).until(() -> !Files.exists(claim));
		assertThat(log).content().contains("lead-service.jar");
		assertThat(extracted).isDirectoryNotContaining("glob:**.jsa");
	}

}
