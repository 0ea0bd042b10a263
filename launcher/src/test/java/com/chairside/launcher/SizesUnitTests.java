package com.chairside.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SizesUnitTests {

	@Test
	void sizesReadAsDuShowsThem() {
		assertThat(Sizes.human(4096)).isEqualTo("4.0K");
		assertThat(Sizes.human(12 * 1024)).isEqualTo("12K");
		assertThat(Sizes.human(1536 * 1024)).isEqualTo("1.5M");
		assertThat(Sizes.human(1536 * 1024 + 1)).isEqualTo("1.6M");
		assertThat(Sizes.human(230L * 1024 * 1024)).isEqualTo("230M");
		assertThat(Sizes.human(1288L * 1024 * 1024)).isEqualTo("1.3G");
	}

	@Test
	void aFolderTakesABlockAndEachFileItsWholeBlocks(@TempDir Path folder) throws Exception {
		Files.writeString(folder.resolve("small"), "x");
		Files.write(folder.resolve("large"), new byte[5000]);

		assertThat(Sizes.onDisk(folder)).isEqualTo(4096 + 4096 + 8192);
	}

}
