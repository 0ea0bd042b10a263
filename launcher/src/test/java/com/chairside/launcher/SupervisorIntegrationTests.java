package com.chairside.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The supervisor with real processes: small JVMs that hold a port ({@link PortHolder}). */
class SupervisorIntegrationTests {

	static final Duration TIMEOUT = Duration.ofSeconds(60);

	@TempDir
	Path state;

	final List<String> told = Collections.synchronizedList(new ArrayList<>());

	final Progress recording = new Progress() {

		@Override
		public void starting(Part part) {
			SupervisorIntegrationTests.this.told.add("starting " + part.name());
		}

		@Override
		public void up(Part part, Duration took) {
			SupervisorIntegrationTests.this.told.add(part.name() + " up");
		}

		@Override
		public void alreadyUp(Part part) {
			SupervisorIntegrationTests.this.told.add(part.name() + " already up");
		}

		@Override
		public void stopped(Part part, long pid) {
			SupervisorIntegrationTests.this.told.add("stopped " + part.name());
		}

	};

	final List<Part> started = new ArrayList<>();

	@AfterEach
	void stopWhatRuns() {
		Supervisor.detached(this.state, this.state, Progress.SILENT).down(this.started);
	}

	@Test
	void aPartStartsOnceItsDependencyAnswersAndALaterSupervisorFindsAndStopsIt() {
		Part store = part("store", Set.of());
		Part service = part("service", Set.of("store"));

		Map<String, PartProcess> up = Supervisor.detached(this.state, this.state, this.recording)
			.up(List.of(service, store), TIMEOUT);

		assertThat(this.told).containsExactly("starting store", "store up", "starting service", "service up");
		long pid = up.get("service").pid();
		assertThat(this.state.resolve("pids/service.pid")).hasContent(pid + "\n");
		assertThat(up.get("service").startUp()).isPositive();

		Supervisor later = Supervisor.detached(this.state, this.state, this.recording);
		later.up(List.of(store, service), TIMEOUT);
		assertThat(this.told).endsWith("store already up", "service already up");
		assertThat(later.process(service).runningPid()).hasValue(pid);

		assertThat(later.down(List.of(store, service))).isEqualTo(2);
		assertThat(this.told).endsWith("stopped service", "stopped store");
		assertThat(this.state.resolve("pids/service.pid")).doesNotExist();
		assertThat(ProcessHandle.of(pid)).isEmpty();
	}

	@Test
	void aPartThatExitsBeforeItIsReadyFailsWithItsLog() {
		Part leaving = part("leaving", Set.of(), "leave");

		assertThatThrownBy(() -> Supervisor.detached(this.state, this.state, Progress.SILENT).up(List.of(leaving), TIMEOUT))
			.isInstanceOfSatisfying(PartFailure.class, (failure) -> {
				assertThat(failure.reason()).isEqualTo("leaving exited before it was ready");
				assertThat(failure.log()).isEqualTo(this.state.resolve("logs/leaving.log"));
				assertThat(failure.getMessage()).contains("leaving at once, as told");
			});
	}

	@Test
	void aPartWhosePortIsTakenIsNotStarted() throws Exception {
		Part part = part("blocked", Set.of());
		try (ServerSocket taken = new ServerSocket(part.port(), 50, InetAddress.getLoopbackAddress())) {
			assertThatThrownBy(() -> Supervisor.detached(this.state, this.state, Progress.SILENT).up(List.of(part), TIMEOUT))
				.isInstanceOf(PartFailure.class)
				.hasMessage("port " + part.port() + ", which blocked needs, is taken by another process (find it: lsof -i :"
						+ part.port() + ")");
		}
		assertThat(this.state.resolve("pids/blocked.pid")).doesNotExist();
	}

	@Test
	void aKilledPartStartsAgainAsANewProcessWritingOnInItsLog() {
		Part part = part("crashing", Set.of());
		Supervisor supervisor = Supervisor.detached(this.state, this.state, Progress.SILENT);
		PartProcess process = supervisor.up(List.of(part), TIMEOUT).get("crashing");
		long first = process.pid();

		process.kill();
		assertThat(process.isAlive()).isFalse();
		assertThat(this.state.resolve("pids/crashing.pid")).doesNotExist();
		process.start().awaitReady(TIMEOUT);

		assertThat(process.pid()).isNotEqualTo(first);
		assertThat(process.logText().lines().filter((line) -> line.startsWith("holding "))).hasSize(2);
	}

	@Test
	void aPidFileNamingAProcessThatIsNotThePartIsStaleAndRemoved() throws Exception {
		Part part = part("gone", Set.of());
		Files.createDirectories(this.state.resolve("pids"));
		Files.writeString(this.state.resolve("pids/gone.pid"), ProcessHandle.current().pid() + "\n");

		assertThat(Supervisor.detached(this.state, this.state, Progress.SILENT).process(part).runningPid()).isEmpty();
		assertThat(this.state.resolve("pids/gone.pid")).doesNotExist();
	}

	@Test
	void aNewSupervisorKeepsThePreviousRunsLogForOneMoreRun() throws Exception {
		Part part = part("logged", Set.of());
		Files.createDirectories(this.state.resolve("logs"));
		Files.writeString(this.state.resolve("logs/logged.log"), "why the last start failed\n");

		Supervisor.detached(this.state, this.state, Progress.SILENT).up(List.of(part), TIMEOUT);

		assertThat(this.state.resolve("logs/logged.log.1")).hasContent("why the last start failed");
		assertThat(this.state.resolve("logs/logged.log")).content().startsWith("holding ");
	}

	@Test
	void detachedPartsIgnoreTheTerminalsInterruptAndHangUp() throws Exception {
		Part part = part("detached", Set.of());
		long pid = Supervisor.detached(this.state, this.state, Progress.SILENT).up(List.of(part), TIMEOUT)
			.get("detached")
			.pid();
		Path status = Path.of("/proc/" + pid + "/status");
		assumeThat(status).exists();

		String ignored = Files.readAllLines(status).stream().filter((line) -> line.startsWith("SigIgn:")).findFirst()
			.orElseThrow().substring("SigIgn:".length()).trim();

		assertThat(Long.parseLong(ignored, 16) & 0b11).as("SIGHUP and SIGINT ignored").isEqualTo(0b11);
	}

	@Test
	void eachPartLeadsASessionOfItsOwnTheStoreAndBrokerAtFullWeight() throws Exception {
		assumeThat(CpuShare.SETSID).isExecutable();
		assumeThat(Path.of("/proc/self/autogroup")).exists();
		Map<String, PartProcess> up = Supervisor.attached(this.state, this.state.resolve("logs"))
			.up(List.of(part("lead-service", Set.of()), part("mongodb", Set.of()), part("kafka", Set.of())), TIMEOUT);

		for (PartProcess process : up.values()) {
			long pid = process.pid();
			assertThat(session(pid)).as(process + ": its session").isEqualTo(pid);
			assertThat(ProcessHandle.of(pid).flatMap((p) -> p.info().command())).as(process + ": the pid runs java")
				.hasValueSatisfying((command) -> assertThat(command).endsWith("java"));
		}
		assertThat(autogroupNice(up.get("lead-service").pid())).isEqualTo(CpuShare.OTHERS_NICE);
		assertThat(autogroupNice(up.get("mongodb").pid())).isZero();
		assertThat(autogroupNice(up.get("kafka").pid())).isZero();
	}

	/** The session id of process {@code pid}: the sixth field of {@code /proc/<pid>/stat}. */
	private static long session(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[3]);
	}

	/** {@code /proc/<pid>/autogroup} reads {@code /autogroup-<n> nice <nice>}. */
	private static int autogroupNice(long pid) throws IOException {
		String autogroup = Files.readString(Path.of("/proc/" + pid + "/autogroup")).trim();
		return Integer.parseInt(autogroup.substring(autogroup.lastIndexOf(' ') + 1));
	}

	/** A {@link PortHolder} on a free port; {@code told}: more of its arguments. */
	private Part part(String name, Set<String> dependencies, String... told) {
		int port = FreePorts.next();
		List<String> arguments = new ArrayList<>(List.of(Integer.toString(port)));
		arguments.addAll(List.of(told));
		Part part = new Part(name, List.of(), port, List.of(), "32m", List.of("-Xms16m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1"), holder(), arguments, Map.of(),
				new Readiness.PortOpen(), dependencies, List.of(), Part.Preparation.NONE);
		this.started.add(part);
		return part;
	}

	private static Program holder() {
		try {
			String classes = Path.of(PortHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
			return new Program.MainClass(classes, PortHolder.class.getName());
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
