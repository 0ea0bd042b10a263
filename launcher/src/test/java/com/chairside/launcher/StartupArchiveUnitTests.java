package com.chairside.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class StartupArchiveUnitTests {

	@TempDir
	Path extracted;

	@TempDir
	Path logs;

	@Test
	void aPartWhoseJarHasAnArchiveStartsFromIt() throws Exception {
		Path jar = Files.createFile(this.extracted.resolve("lead-service.jar"));
		Files.createFile(this.extracted.resolve(StartupArchive.FILE));

		Part applied = StartupArchive.applied(part(jar), jar, this.logs);

		assertThat(applied.jvmOptions()).endsWith("-XX:SharedArchiveFile=" + this.extracted.resolve(StartupArchive.FILE));
	}

	@Test
	void whileAnotherLauncherTrainsThePartStartsAsItIsAndNoSecondTrainingRuns() throws Exception {
		Path jar = Files.createFile(this.extracted.resolve("lead-service.jar"));
		Files.createFile(this.extracted.resolve(StartupArchive.FILE + ".training"));

		Part applied = StartupArchive.applied(part(jar), jar, this.logs);

		assertThat(applied).isEqualTo(part(jar));
		assertThat(this.logs.resolve("lead-service-training.log")).doesNotExist();
	}

	static Part part(Path jar) {
		return new Part("lead-service", List.of(), 8081, List.of(), "64m", List.of("-XX:TieredStopAtLevel=1"),
				new Program.Jar(jar), List.of(), Map.of("server.port", "8081"), new Readiness.PortOpen(), Set.of(),
				List.of(), Part.Preparation.NONE);
	}

}
