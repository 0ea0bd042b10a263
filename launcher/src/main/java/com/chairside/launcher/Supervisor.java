package com.chairside.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts parts as processes, each part once its dependencies answer and independent parts together; waits until each
 * answers; stops them, the parts that depend on others first. Each process carries its part's marker, writes its pid
 * to {@code <pids>/<part>.pid} and its output to {@code <logs>/<part>.log}.
 * <p>
 * {@link #detached detached} (bin/chairside): the processes outlive the launcher and ignore the terminal's Ctrl-C and
 * hang-up, as {@code nohup} would have them. {@link #attached attached} (system tests, benchmarks): they end with this
 * JVM, stopped by {@link #close()} or at its exit. Either way each part leads a session of its own, weighted by
 * {@link CpuShare}.
 */
public final class Supervisor implements AutoCloseable {

	/** How long a part has to stop after TERM before it is killed. */
	static final Duration STOP_GRACE = Duration.ofSeconds(20);

	private static final Duration POLL = Duration.ofMillis(250);

	private final Path pids;

	private final Path logs;

	private final Path workingDirectory;

	private final boolean detached;

	private final Progress progress;

	private final Map<String, PartProcess> processes = Collections.synchronizedMap(new LinkedHashMap<>());

	/** Each Spring Boot jar as this supervisor first ran it, extracted: a restarted part runs what it ran before. */
	private final Map<Path, Path> extracted = new ConcurrentHashMap<>();

	private Supervisor(Path pids, Path logs, Path workingDirectory, boolean detached, Progress progress) {
		this.pids = pids.toAbsolutePath();
		this.logs = logs.toAbsolutePath();
		this.workingDirectory = workingDirectory.toAbsolutePath();
		this.detached = detached;
		this.progress = progress;
	}

	/** Processes that outlive this JVM, with pid files and logs in {@code state}, working in {@code directory}. */
	public static Supervisor detached(Path state, Path directory, Progress progress) {
		return new Supervisor(state.resolve("pids"), state.resolve("logs"), directory, true, progress);
	}

	/**
	 * Processes of this JVM, with pid files in {@code state} and logs in {@code logs}; a module rebuilt meanwhile
	 * changes neither the classes under a running process nor what a restarted one runs ({@link ExtractedJar}). They
	 * are stopped by {@link #close()}, at the latest when this JVM exits.
	 */
	public static Supervisor attached(Path state, Path logs) {
		Supervisor supervisor = new Supervisor(state.resolve("pids"), logs, state, false, Progress.SILENT);
		Runtime.getRuntime().addShutdownHook(new Thread(supervisor::close, "chairside-parts-stop"));
		return supervisor;
	}

	/**
	 * Starts every part that does not run yet, each once those of its dependencies that are among {@code parts}
	 * answer; returns when every one answers. Fails when a part exits first or takes longer than {@code timeout}; the
	 * parts already started keep running.
	 */
	public Map<String, PartProcess> up(List<Part> parts, Duration timeout) {
		Set<String> names = new HashSet<>();
		parts.forEach((part) -> names.add(part.name()));
		Set<String> ready = new HashSet<>();
		List<Part> pending = new ArrayList<>();
		Map<String, PartProcess> waiting = new LinkedHashMap<>();
		for (Part part : parts) {
			PartProcess process = process(part);
			if (process.runningPid().isEmpty()) {
				pending.add(part);
			}
			else if (part.readiness().answers(part.port())) {
				this.progress.alreadyUp(part);
				ready.add(part.name());
			}
			else {
				this.progress.stillStarting(part, process.pid());
				process.waitingFromNow();
				waiting.put(part.name(), process);
			}
		}
		while (!pending.isEmpty() || !waiting.isEmpty()) {
			for (Iterator<Part> next = pending.iterator(); next.hasNext();) {
				Part part = next.next();
				if (startable(part, names, ready)) {
					waiting.put(part.name(), process(part).start());
					next.remove();
				}
			}
			if (waiting.isEmpty()) {
				throw new IllegalStateException("The dependencies of " + pending + " never answer: a cycle?");
			}
			if (!becameReady(waiting, ready, timeout)) {
				this.progress.waiting();
				pause();
			}
		}
		Map<String, PartProcess> started = new LinkedHashMap<>();
		parts.forEach((part) -> started.put(part.name(), process(part)));
		return started;
	}

	/** Whether each of {@code part}'s dependencies that is started here answers already. */
	static boolean startable(Part part, Set<String> names, Set<String> ready) {
		return part.dependencies().stream().filter(names::contains).allMatch(ready::contains);
	}

	private boolean becameReady(Map<String, PartProcess> waiting, Set<String> ready, Duration timeout) {
		boolean any = false;
		for (Iterator<PartProcess> next = waiting.values().iterator(); next.hasNext();) {
			PartProcess process = next.next();
			if (process.readyWithin(timeout)) {
				this.progress.up(process.part(), process.startUp());
				ready.add(process.name());
				next.remove();
				any = true;
			}
		}
		return any;
	}

	/**
	 * Stops those of {@code parts} that run, those that others depend on after those others; each group together:
	 * TERM, up to {@link #STOP_GRACE} to exit, then KILL. Returns how many it stopped.
	 */
	public int down(List<Part> parts) {
		int stopped = 0;
		for (List<Part> wave : stopOrder(parts)) {
			stopped += stop(wave.stream().map(this::process).toList());
		}
		return stopped;
	}

	/**
	 * {@code parts} in groups to stop one after the other, the reverse of the order they start in: those that depend
	 * on others (through a chain of the most parts among them) first, those that depend on none last; within a
	 * group, the reverse of the given order.
	 */
	static List<List<Part>> stopOrder(List<Part> parts) {
		Map<String, Part> byName = new LinkedHashMap<>();
		parts.forEach((part) -> byName.put(part.name(), part));
		Map<Integer, List<Part>> byDepth = new java.util.TreeMap<>(Collections.reverseOrder());
		List<Part> reversed = new ArrayList<>(parts);
		Collections.reverse(reversed);
		for (Part part : reversed) {
			byDepth.computeIfAbsent(depth(part, byName, new HashSet<>()), (depth) -> new ArrayList<>()).add(part);
		}
		return List.copyOf(byDepth.values());
	}

	/** How many parts among {@code parts} a chain of dependencies leads through from {@code part}. */
	private static int depth(Part part, Map<String, Part> parts, Set<String> seen) {
		if (!seen.add(part.name())) {
			return 0;
		}
		int deepest = part.dependencies().stream().filter(parts::containsKey)
			.mapToInt((dependency) -> 1 + depth(parts.get(dependency), parts, seen))
			.max()
			.orElse(0);
		seen.remove(part.name());
		return deepest;
	}

	int stop(List<PartProcess> processes) {
		Map<PartProcess, ProcessHandle> running = new LinkedHashMap<>();
		for (PartProcess process : processes) {
			if (process.isAlive()) {
				ProcessHandle handle = ProcessHandle.of(process.pid()).orElse(null);
				if (handle != null && handle.destroy()) {
					running.put(process, handle);
				}
			}
		}
		long deadline = System.nanoTime() + STOP_GRACE.toNanos();
		running.forEach((process, handle) -> {
			Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
			if (PartProcess.awaitExit(handle, left)) {
				this.progress.stopped(process.part(), handle.pid());
			}
			else {
				handle.destroyForcibly();
				PartProcess.awaitExit(handle, Duration.ofSeconds(10));
				this.progress.killed(process.part(), handle.pid(), STOP_GRACE);
			}
			process.forget();
		});
		return running.size();
	}

	/** The one handle on {@code part}'s process (by name): a running one is found through its pid file. */
	public PartProcess process(Part part) {
		return this.processes.computeIfAbsent(part.name(), (name) -> new PartProcess(this, part));
	}

	/** Stops every part this supervisor has a handle on, dependents first. */
	@Override
	public void close() {
		List<Part> parts;
		synchronized (this.processes) {
			parts = this.processes.values().stream().map(PartProcess::part).toList();
		}
		down(parts);
	}

	/** Runs {@code part} as a process with its output in {@code log}. */
	ProcessHandle launch(Part part, Path log) throws IOException {
		CpuShare share = CpuShare.of(part);
		List<String> steps = new ArrayList<>();
		if (this.detached) {
			// Ignored signals stay ignored across exec, and the JVM leaves them so: Ctrl-C in the terminal that ran
			// bin/chairside, or closing it, must not stop the parts it started.
			steps.add("trap '' INT HUP");
		}
		steps.add(share.shellStep());
		steps.add("exec \"$@\"");
		// setsid and sh each exec the next: the pid is the part's
		List<String> command = new ArrayList<>(share.launcher());
		command.addAll(List.of("sh", "-c", String.join("; ", steps), "sh"));
		command.addAll(extracted(part).command(Catalogue.java()));
		Files.createDirectories(this.workingDirectory);
		Process process = new ProcessBuilder(command).directory(this.workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		process.getOutputStream().close();
		return process.toHandle();
	}

	/**
	 * {@code part} run from its Spring Boot jar's extracted form, with the start-up archive beside it: both start
	 * faster than the jar.
	 */
	private Part extracted(Part part) {
		if (!(part.program() instanceof Program.Jar jar)) {
			return part;
		}
		Path extracted = this.extracted.computeIfAbsent(jar.jar(), ExtractedJar::of);
		return StartupArchive.applied(part.withProgram(new Program.Jar(extracted)), extracted, this.logs);
	}

	Progress progress() {
		return this.progress;
	}

	Path pidFile(String name) {
		return this.pids.resolve(name + ".pid");
	}

	/** Where {@code name}'s output goes. */
	public Path logFile(String name) {
		return this.logs.resolve(name + ".log");
	}

	public Path logs() {
		return this.logs;
	}

	static void pause() {
		try {
			Thread.sleep(POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a part", ex);
		}
	}

}
