package com.chairside.launcher;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartUnitTests {

	final Part gateway = Catalogue.of(Path.of("/repo"), Path.of("/state")).part("gateway");

	@Test
	void theCommandLineCarriesTheMarkerHeapOptionsProgramAndSettingsInThatOrder() {
		Part tuned = this.gateway.withJvmOptions(List.of("-XX:StartFlightRecording")).withSetting("debug", "true");

		List<String> command = tuned.command("/jdk/bin/java");

		assertThat(command).startsWith("/jdk/bin/java", "-Dchairside.part=gateway", "-Xmx128m", "-Xms32m")
			.containsSubsequence("-XX:StartFlightRecording", "-jar", "/repo/gateway/target/gateway.jar",
					"--server.port=8080", "--debug=true");
	}

	@Test
	void aSettingOnTheCommandLineReadsKeyEqualsValue() {
		assertThat(this.gateway.withCommandLineSettings(List.of("--server.port=9999")).settings())
			.containsEntry("server.port", "9999");
		assertThatThrownBy(() -> this.gateway.withCommandLineSettings(List.of("--debug")))
			.hasMessageContaining("--key=value");
		assertThatThrownBy(() -> this.gateway.withCommandLineSettings(List.of("server.port=1")))
			.hasMessageContaining("--key=value");
	}

	@Test
	void aPartRunFromOtherJarsKeepsItsHeapOptionsAndArguments() {
		Part kafka = Catalogue.of(Path.of("/repo"), Path.of("/state")).part("kafka");

		Part elsewhere = kafka.withProgram(new Program.MainClass("/tests/classes", "kafka.Kafka"))
			.withReadiness(new Readiness.PortOpen())
			.withPreparation(Part.Preparation.NONE);

		assertThat(elsewhere.command("java")).containsSubsequence("-Xmx384m", "-cp", "/tests/classes", "kafka.Kafka",
				"/state/kafka/server.properties");
		assertThat(elsewhere.readiness()).isEqualTo(new Readiness.PortOpen());
		assertThat(elsewhere.preparation()).isSameAs(Part.Preparation.NONE);
		assertThat(elsewhere.ports()).isEqualTo(kafka.ports());
	}

	@Test
	void itsPortsAreItsClientsPortThenTheOthers() {
		Part mail = Catalogue.of(Path.of("/repo"), Path.of("/state")).part("mail");

		assertThat(mail.ports()).containsExactly(2525, 8025);
	}

}
