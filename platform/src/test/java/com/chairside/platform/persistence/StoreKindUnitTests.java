package com.chairside.platform.persistence;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoreKindUnitTests {

	@Test
	void mongoDbIsKnownByTheCommitItWasBuiltFrom() {
		// buildInfo of mongod 7.0 as documented: the commit, the modules, the storage engines and more
		Document mongod = new Document("version", "7.0.14").append("gitVersion", "ce59cfc6a3c5e5c067dca0d30697edd68d4f5188")
			.append("modules", List.of())
			.append("allocator", "tcmalloc")
			.append("storageEngines", List.of("devnull", "wiredTiger"))
			.append("versionArray", List.of(7, 0, 14, 0))
			.append("ok", 1.0);
		assertThat(StoreKind.fromBuildInfo(mongod)).isEqualTo(StoreKind.MONGODB);
	}

	@Test
	void theEmbeddedStoreAnswersItsVersionNumbersAlone() {
		// buildInfo as mongo-java-server 1.47 answers it
		Document embedded = new Document("version", "5.0.0").append("versionArray", List.of(5, 0, 0))
			.append("maxBsonObjectSize", 16777216)
			.append("ok", 1.0);
		assertThat(StoreKind.fromBuildInfo(embedded)).isEqualTo(StoreKind.EMBEDDED);
	}

	@Test
	void aKindSetInAnyCaseIsTakenAndAutoAsksTheStore() {
		assertThat(settings("auto").configuredKind()).isNull();
		assertThat(settings("AUTO").configuredKind()).isNull();
		assertThat(settings("embedded").configuredKind()).isEqualTo(StoreKind.EMBEDDED);
		assertThat(settings("MongoDB").configuredKind()).isEqualTo(StoreKind.MONGODB);
	}

	private static StoreSettings settings(String kind) {
		return new StoreSettings(kind, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(30));
	}

}
