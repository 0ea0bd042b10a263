package com.chairside.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/chairside} as a user types it, on the built tree that the reactor build leaves: every command's
 * {@code --help}, and {@code up --replicas} with the README's ports (the suite's fixed ports must be free while this
 * runs, as on a fresh machine).
 * <p>
 * Runs alone, like the other classes: started beside the shared suite, two suites of eight processes each started
 * together on two cores, and a part of this one missed its 120 s readiness limit.
 */
class LauncherSystemTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The state folder of the suite that {@code up} starts here; the other tests use a fresh one each. */
	@TempDir
	static Path home;

	static Path root;

	@BeforeAll
	static void findRoot() {
		root = Path.of(System.getProperty("chairside.root", "..")).toAbsolutePath().normalize();
	}

	@AfterAll
	static void stopWhateverStarted() throws Exception {
		run(home, 120, "down");
	}

	@ParameterizedTest
	@ValueSource(strings = { "up", "down", "status", "token", "bench", "reset", "logs", "dead-letters", "faults", "help" })
	void everyCommandAnswersHelpWithItsUsageAndDoesNothingElse(String command, @TempDir Path fresh) throws Exception {
		Result help = run(fresh, 60, command, "--help");

		assertThat(help.exit()).as(help.output()).isZero();
		assertThat(help.output()).as("the command's own usage").startsWith("usage: bin/chairside " + command);
		assertThat(help.output()).doesNotContain("Exception", "\tat ", "error:");
		assertThat(fresh.resolve("pids")).as("nothing started").doesNotExist();
	}

	@Test
	void aMistypedReplicaSpecificationIsRefusedAndNotRemembered(@TempDir Path fresh) throws Exception {
		Result unknown = run(fresh, 60, "up", "--replicas", "notification=2");
		Result tooMany = run(fresh, 60, "up", "--replicas", "notification-service=12");

		assertThat(unknown.exit()).isNotZero();
		assertThat(unknown.output()).contains("'notification' is not a service");
		assertThat(tooMany.exit()).isNotZero();
		assertThat(tooMany.output()).contains("give a count from 1 to 9");
		assertThat(fresh.resolve("replicas")).doesNotExist();
		assertThat(fresh.resolve("pids")).as("nothing started").doesNotExist();
	}

	/**
	 * Also runs the suite with the structured-log switch on, as an operator turns it on, and reads what ops read:
	 * a JSON log line and {@code /actuator/info}.
	 */
	@Test
	void upWithReplicasStartsEachReplicaFromItsServicesJarAndResetForgetsTheCount() throws Exception {
		Result up = run(home, 600, Map.of("CHAIRSIDE_LOG_FORMAT", "ecs"), "up", "--replicas", "notification-service=2");
		assertThat(up.exit()).as(up.output()).isZero();
		assertThat(up.output()).doesNotContain("building").contains("notification-service-2 up", "Chairside is up");

		Result status = run(home, 60, "status");
		assertThat(status.output().lines())
			.anyMatch((line) -> line.matches("notification-service-2 \\d+ 8184 UP"))
			.anyMatch((line) -> line.matches("notification-service \\d+ 8084 UP"))
			.anyMatch((line) -> line.matches("gateway \\d+ 8080 UP"));
		assertThat(commandLine(status, "notification-service-2")).as("run from the extracted jar, which starts faster")
			.containsSubsequence("-jar", root.resolve("notification-service/target/extracted").toString());
		assertLogsAreJsonLinesOf("notification-service-2", "notification-service");
		JsonNode info = Api.local(8184, null).get("/actuator/info").json();
		assertThat(info.path("build").path("artifact").asString()).isEqualTo("notification-service");
		assertThat(info.path("git").path("commit").path("id").asString()).as("the commit it was built from")
			.matches("[0-9a-f]{7,}");

		Result down = run(home, 180, "down");
		assertThat(down.exit()).as(down.output()).isZero();
		assertThat(down.output()).contains("stopped notification-service-2");
		Result reset = run(home, 60, "reset");
		assertThat(reset.exit()).as(reset.output()).isZero();
		assertThat(run(home, 60, "status").output()).as("one notification-service again")
			.doesNotContain("notification-service-2")
			.contains("notification-service - 8084 DOWN");
	}

	/** The line saying the service started is an ECS JSON object naming the service (the JVM's own lines are not). */
	private static void assertLogsAreJsonLinesOf(String part, String service) throws IOException {
		String started = Files.readAllLines(home.resolve("logs/" + part + ".log"), StandardCharsets.UTF_8)
			.stream()
			.filter((line) -> line.contains("Started ") && line.contains("Application"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(part + " logged no start"));
		JsonNode line = JSON.readTree(started);
		assertThat(line.path("service").path("name").asString()).isEqualTo(service);
		assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
		assertThat(line.path("@timestamp").asString()).isNotEmpty();
	}

	/** The command line of the process {@code status} lists for {@code part}, as one string per argument. */
	private static String commandLine(Result status, String part) {
		long pid = status.output()
			.lines()
			.filter((line) -> line.startsWith(part + " "))
			.map((line) -> Long.parseLong(line.split(" ")[1]))
			.findFirst()
			.orElseThrow();
		return ProcessHandle.of(pid).flatMap((process) -> process.info().commandLine()).orElseThrow();
	}

	private static Result run(Path home, int seconds, String... arguments) throws IOException, InterruptedException {
		return run(home, seconds, Map.of(), arguments);
	}

	private static Result run(Path home, int seconds, Map<String, String> environment, String... arguments)
			throws IOException, InterruptedException {
		List<String> command = new java.util.ArrayList<>(List.of(root.resolve("bin/chairside").toString()));
		command.addAll(List.of(arguments));
		Path output = Files.createTempFile("chairside", ".out");
		ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().put("CHAIRSIDE_HOME", home.toString());
		builder.environment().remove("CHAIRSIDE_PARTS");
		builder.environment().remove("CHAIRSIDE_SKIP_BUILD");
		builder.environment().putAll(environment);
		Process process = builder.start();
		if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("bin/chairside " + String.join(" ", arguments) + " did not end within " + seconds
					+ "s:\n" + Files.readString(output, StandardCharsets.UTF_8));
		}
		return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
	}

	record Result(int exit, String output) {
	}

}
