package com.chairside.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtractedJarUnitTests {

	@Test
	void aJarIsExtractedBesideItselfIntoAFolderNamedByItsSizeAndTime(@TempDir Path target) throws Exception {
		Path jar = Files.write(target.resolve("lead-service.jar"), new byte[] { 1, 2, 3 });
		Files.setLastModifiedTime(jar, FileTime.fromMillis(1_700_000_000_000L));

		assertThat(ExtractedJar.folder(jar)).isEqualTo(target.resolve("extracted/lead-service-3-1700000000000"));
	}

	@Test
	void aRebuiltJarGetsAFolderOfItsOwnSoThatRunningProcessesKeepTheirClasses(@TempDir Path target) throws Exception {
		Path jar = Files.write(target.resolve("lead-service.jar"), new byte[] { 1, 2, 3 });
		Path before = ExtractedJar.folder(jar);

		Files.write(jar, new byte[] { 1, 2, 3, 4 });

		assertThat(ExtractedJar.folder(jar)).isNotEqualTo(before);
	}


	@Test
	void whenAnotherLauncherExtractedTheSameJarFirstItsFolderIsKept(@TempDir Path target) throws Exception {
		Path folder = Files.createDirectories(target.resolve("extracted/lead-service-3-1"));
		Path main = Files.write(folder.resolve("lead-service.jar"), new byte[] { 1 });
		Path mine = Files.createDirectories(target.resolve("mine"));
		Files.write(mine.resolve("lead-service.jar"), new byte[] { 2 });

		ExtractedJar.moveIntoPlace(mine, folder, main);

		assertThat(main).hasBinaryContent(new byte[] { 1 });
	}

	@Test
	void aFolderInTheWayWithoutTheJarIsAnError(@TempDir Path target) throws Exception {
		Path folder = Files.createDirectories(target.resolve("extracted/lead-service-3-1"));
		Files.write(folder.resolve("something-else"), new byte[] { 1 });
		Path mine = Files.createDirectories(target.resolve("mine"));
		Files.write(mine.resolve("lead-service.jar"), new byte[] { 2 });

		assertThatThrownBy(() -> ExtractedJar.moveIntoPlace(mine, folder, folder.resolve("lead-service.jar")))
			.isInstanceOf(java.nio.file.FileSystemException.class);
	}

}
