package com.chairside.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A part as an operating-system process that its {@link Supervisor} starts, and that can be stopped, killed, frozen and
 * started again on the same data, as the fault tests do. The process is found again through its pid file, so a later
 * {@code bin/chairside} sees the processes an earlier one started.
 */
public final class PartProcess {

	private final Supervisor supervisor;

	private final Part part;

	private ProcessHandle handle;

	/** When the current process was launched (or found starting), for its start-up time and its timeout. */
	private long since;

	private Duration startUp;

	private boolean launched;

	PartProcess(Supervisor supervisor, Part part) {
		this.supervisor = supervisor;
		this.part = part;
	}

	public Part part() {
		return this.part;
	}

	public String name() {
		return this.part.name();
	}

	public int port() {
		return this.part.port();
	}

	/** {@code 127.0.0.1:<port>} (for the broker, its bootstrap server). */
	public String address() {
		return "127.0.0.1:" + port();
	}

	/**
	 * Launches the part (after making its data folders and what its preparation writes); does not wait for it. Refused
	 * while one of its ports is taken.
	 */
	public synchronized PartProcess start() {
		for (int port : this.part.ports()) {
			if (new Readiness.PortOpen().answers(port)) {
				throw new PartFailure("port " + port + ", which " + name() + " needs, is taken by another process (find it: lsof -i :"
						+ port + ")");
			}
		}
		this.supervisor.progress().starting(this.part);
		this.since = System.nanoTime();
		this.startUp = null;
		try {
			keepPreviousLog();
			for (Path folder : this.part.data()) {
				Files.createDirectories(folder);
			}
			this.part.preparation().prepare(log());
			this.handle = this.supervisor.launch(this.part, log());
		}
		catch (IOException ex) {
			throw new PartFailure("cannot start " + name() + ": " + ex.getMessage(), log(), tail(20));
		}
		writePid(this.handle.pid());
		return this;
	}

	/** The first launch by a supervisor keeps the previous one's log for one more run: it often says why that failed. */
	private void keepPreviousLog() throws IOException {
		Files.createDirectories(log().getParent());
		if (!this.launched && Files.exists(log())) {
			Files.move(log(), log().resolveSibling(name() + ".log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		this.launched = true;
	}

	/** The pid of this part's process while it runs, from its pid file; a stale pid file is removed. */
	public synchronized OptionalLong runningPid() {
		return running().map((running) -> OptionalLong.of(running.pid())).orElse(OptionalLong.empty());
	}

	private Optional<ProcessHandle> running() {
		if (this.handle != null && this.handle.isAlive()) {
			return Optional.of(this.handle);
		}
		Path file = this.supervisor.pidFile(name());
		Optional<ProcessHandle> found = readPid(file).flatMap(ProcessHandle::of)
			.filter(ProcessHandle::isAlive)
			.filter(this::carriesMarker);
		if (found.isEmpty()) {
			deleteQuietly(file);
		}
		found.ifPresent((process) -> this.handle = process);
		return found;
	}

	private boolean carriesMarker(ProcessHandle process) {
		return process.info().arguments().map((arguments) -> Arrays.asList(arguments).contains(Part.MARKER + name()))
			.orElse(false);
	}

	/** Found running but not answering yet: its start-up and timeout count from now. */
	synchronized void waitingFromNow() {
		this.since = System.nanoTime();
	}

	public boolean isAlive() {
		return running().isPresent();
	}

	public long pid() {
		return running().orElseThrow(() -> new IllegalStateException(name() + " is not running")).pid();
	}

	/** Fails, with the end of its log, if the process has exited. */
	public void checkAlive() {
		if (!isAlive()) {
			throw new PartFailure(name() + " exited", log(), tail(30));
		}
	}

	/** Whether the part answers as its clients need; fails at once if its process has exited. */
	public boolean isReady() {
		checkAlive();
		boolean ready = this.part.readiness().answers(port());
		if (ready && this.startUp == null) {
			this.startUp = Duration.ofNanos(System.nanoTime() - this.since);
		}
		return ready;
	}

	/**
	 * Whether the part answers by now; fails if it exited before it was ready or has taken longer than
	 * {@code timeout} since it was launched.
	 */
	boolean readyWithin(Duration timeout) {
		if (!isAlive()) {
			throw new PartFailure(name() + " exited before it was ready", log(), tail(20));
		}
		if (isReady()) {
			return true;
		}
		if (System.nanoTime() - this.since >= timeout.toNanos()) {
			throw new PartFailure(name() + " (pid " + pid() + ") was not ready after " + timeout.toSeconds() + "s", log(),
					tail(20));
		}
		return false;
	}

	/** Waits until the part answers (a restarted one, say). */
	public PartProcess awaitReady(Duration timeout) {
		while (!readyWithin(timeout)) {
			Supervisor.pause();
		}
		return this;
	}

	/** From launch to the first ready answer; null until then. */
	public Duration startUp() {
		return this.startUp;
	}

	/** A clean stop: TERM, then KILL after the grace period. */
	public void stop() {
		this.supervisor.stop(List.of(this));
	}

	/** A crash (KILL): nothing gets to clean up. */
	public void kill() {
		running().ifPresent((process) -> {
			process.destroyForcibly();
			awaitExit(process, Duration.ofSeconds(10));
		});
		forget();
	}

	/** Frozen (STOP): its sockets stay open and nothing answers, as a machine that stalls. */
	public void pause() {
		signal("STOP");
	}

	/** Thawed (CONT) after {@link #pause()}. */
	public void resume() {
		signal("CONT");
	}

	private void signal(String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new IllegalStateException("kill -" + signal + " " + pid() + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static boolean awaitExit(ProcessHandle process, Duration limit) {
		try {
			process.onExit().get(limit.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return false;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return !process.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The process has ended: its pid file goes. */
	synchronized void forget() {
		this.handle = null;
		deleteQuietly(this.supervisor.pidFile(name()));
	}

	public Path log() {
		return this.supervisor.logFile(name());
	}

	public String logText() {
		try {
			return Files.exists(log()) ? Files.readString(log()) : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	/** The last {@code lines} lines of its log. */
	public String tail(int lines) {
		List<String> all = logText().lines().toList();
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}

	private void writePid(long pid) {
		Path file = this.supervisor.pidFile(name());
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, pid + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Optional<Long> readPid(Path file) {
		try {
			String text = Files.exists(file) ? Files.readString(file).trim() : "";
			return text.matches("[0-9]+") ? Optional.of(Long.parseLong(text)) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a pid file that cannot go is stale all the same: the marker check refuses it
		}
	}

	@Override
	public String toString() {
		return name();
	}

}
