package com.chairside.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** bin/chairside's commands that start nothing, on a state folder of their own. */
class LauncherUnitTests {

	@TempDir
	Path state;

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void thePartsAreListedWithTheRememberedReplicas() throws Exception {
		Files.writeString(this.state.resolve("replicas"), "notification-service 2\n");

		assertThat(run(Map.of(), "parts")).isZero();
		assertThat(out()).isEqualTo("kafka mongodb mail issuer zipkin lead-service account-service order-service "
				+ "notification-service notification-service-2 reporting-service gateway\n");
	}

	@Test
	void theModulesToBuildAreThoseTheSelectedPartsRunFrom() {
		assertThat(run(Map.of("CHAIRSIDE_PARTS", "kafka mongodb mail issuer"), "modules")).isZero();
		assertThat(out()).isEqualTo("devstack\nidentity\n");
	}

	@Test
	void aMistypedReplicaSpecificationIsRefusedBeforeAnythingIsBuilt() {
		assertThat(run(Map.of(), "modules", "--replicas", "notification=2")).isEqualTo(1);
		assertThat(err()).startsWith("error: --replicas: 'notification' is not a service (");
		assertThat(out()).isEmpty();
		assertThat(this.state.resolve("replicas")).doesNotExist();
	}

	@Test
	void aPartMistypedInChairsidePartsStopsTheCommand() {
		assertThat(run(Map.of("CHAIRSIDE_PARTS", "kafka mongo"), "status")).isEqualTo(1);
		assertThat(err()).startsWith("error: CHAIRSIDE_PARTS: no part named 'mongo' (parts: kafka mongodb ");
	}

	@Test
	void statusSaysDownForEachSelectedPartThatWasNotStarted() {
		assertThat(run(Map.of("CHAIRSIDE_PARTS", "kafka notification-service gateway"), "status")).isZero();
		assertThat(out()).isEqualTo("kafka - 9092 DOWN\nnotification-service - 8084 DOWN\ngateway - 8080 DOWN\n");
	}

	@Test
	void downWithNothingRunningSaysSo() {
		assertThat(run(Map.of(), "down")).isZero();
		assertThat(out()).isEqualTo("nothing was running\n");
	}

	@Test
	void resetEmptiesTheDataFoldersAndForgetsTheReplicasButKeepsTheLogs() throws Exception {
		Files.createDirectories(this.state.resolve("kafka/data"));
		Files.createDirectories(this.state.resolve("issuer"));
		Files.writeString(this.state.resolve("issuer/key.json"), "{}");
		Files.writeString(this.state.resolve("replicas"), "lead-service 2\n");
		Files.createDirectories(this.state.resolve("logs"));
		Files.createDirectories(this.state.resolve("pids"));
		Files.writeString(this.state.resolve("pids/kafka.pid"), "999999999\n");

		assertThat(run(Map.of(), "reset")).isZero();

		assertThat(out().lines()).containsExactly("removed " + this.state.resolve("kafka") + " (8.0K)",
				"removed " + this.state.resolve("issuer") + " (8.0K)",
				"removed " + this.state.resolve("replicas") + " (4.0K)",
				"Kafka's topics, the store's data, the issuer's key and the replica counts are gone "
						+ "(tokens issued before no longer verify).");
		assertThat(this.state.resolve("kafka")).doesNotExist();
		assertThat(this.state.resolve("pids")).doesNotExist();
		assertThat(this.state.resolve("logs")).exists();
		this.out.reset();
		assertThat(run(Map.of(), "reset")).isZero();
		assertThat(out()).isEqualTo("nothing to remove\n");
	}

	@Test
	void aLogIsFoundByItsPartsNameOrRefused() throws Exception {
		Files.createDirectories(this.state.resolve("logs"));
		Files.writeString(this.state.resolve("logs/build.log"), "built");

		assertThat(run(Map.of(), "log", "build")).isZero();
		assertThat(out()).isEqualTo(this.state.resolve("logs/build.log") + "\n");
		assertThat(run(Map.of(), "log", "kafka")).isEqualTo(1);
		assertThat(err()).isEqualTo("error: no log for 'kafka' in " + this.state.resolve("logs") + "\n");
	}

	private int run(Map<String, String> environment, String... args) {
		return new Launcher(Path.of("/repo"), this.state, environment,
				new PrintStream(this.out, true, StandardCharsets.UTF_8), new PrintStream(this.err, true, StandardCharsets.UTF_8))
			.run(List.of(args));
	}

	private String out() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
