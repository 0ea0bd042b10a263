package com.chairside.launcher;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerUnitTests {

	@Test
	void theEmbeddedDefaultIsOnePlaintextNodeKeepingEveryEventInSixPartitionsATopic() {
		Map<String, String> settings = KafkaBroker.embeddedDefault(9092, 9093, Path.of("/state/kafka/data"));

		assertThat(settings).containsEntry("process.roles", "broker,controller")
			.containsEntry("controller.quorum.voters", "1@127.0.0.1:9093")
			.containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
			.containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:9092")
			.containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("num.partitions", "6")
			.containsEntry("auto.create.topics.enable", "true")
			.containsEntry("log.retention.ms", "-1")
			.containsEntry("log.dirs", "/state/kafka/data");
	}

	@Test
	void everyBrokerIsTheSameSingleNodeWhateverItsListenerSpeaks() {
		Map<String, String> sasl = KafkaBroker.singleNode("BROKER", "SASL_PLAINTEXT", 9092, 9093, Path.of("/data"));

		assertThat(sasl).containsEntry("listeners", "BROKER://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
			.containsEntry("advertised.listeners", "BROKER://127.0.0.1:9092")
			.containsEntry("inter.broker.listener.name", "BROKER")
			.containsEntry("listener.security.protocol.map", "CONTROLLER:SASL_PLAINTEXT,BROKER:SASL_PLAINTEXT")
			.doesNotContainKeys("num.partitions", "auto.create.topics.enable");
		assertThat(KafkaBroker.embeddedDefault(9092, 9093, Path.of("/data")))
			.containsAllEntriesOf(KafkaBroker.singleNode("PLAINTEXT", "PLAINTEXT", 9092, 9093, Path.of("/data")));
	}

	@Test
	void thePropertiesFileSaysWhereItsSettingsComeFromAndListsThemInOrder() {
		String text = KafkaBroker.properties(KafkaBroker.embeddedDefault(9092, 9093, Path.of("/data")));

		assertThat(text.lines().findFirst()).hasValueSatisfying((line) -> assertThat(line).startsWith("#")
			.contains("com.chairside.launcher.KafkaBroker"));
		assertThat(text).containsSubsequence("process.roles=broker,controller\n", "node.id=1\n", "log.dirs=/data\n");
	}

	@Test
	void theBrokerLogsAtItsLevelAndToolsOnStandardError() {
		assertThat(KafkaBroker.logging("INFO", false)).contains("<root level=\"INFO\">").doesNotContain("System.err")
			.contains("%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n");
		assertThat(KafkaBroker.logging("WARN", true)).contains("<root level=\"WARN\">", "<target>System.err</target>");
	}

	@Test
	void aClusterIdIsSixteenRandomBytesAsKafkaWritesThem() {
		String id = KafkaBroker.clusterId();

		assertThat(id).hasSize(22).matches("[A-Za-z0-9_][A-Za-z0-9_-]{21}");
		assertThat(KafkaBroker.clusterId()).isNotEqualTo(id);
	}

}
