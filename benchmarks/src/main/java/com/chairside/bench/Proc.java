package com.chairside.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One part of the suite as its own JVM process, with a fixed heap, its output in a log file, its start-up time and its
 * resident memory measurable from outside (what an operator would see).
 */
final class Proc {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final List<String> command;

	private final Path log;

	private Process process;

	private long startedNanos;

	private Duration startUp;

	Proc(String name, String heap, List<String> jvmOptions, List<String> mainAndArgs, Path logFolder) {
		this.name = name;
		this.command = new ArrayList<>(List.of(javaBinary(), "-Xms64m", "-Xmx" + heap, "-XX:+UseSerialGC"));
		this.command.addAll(jvmOptions);
		this.command.addAll(mainAndArgs);
		this.log = logFolder.resolve(name + ".log");
	}

	static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	Proc start() {
		try {
			Files.createDirectories(this.log.getParent());
			this.startedNanos = System.nanoTime();
			this.startUp = null;
			this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.directory(new File(System.getProperty("java.io.tmpdir")))
				.start();
			return this;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + this.name, ex);
		}
	}

	/** Marks the process ready now: its start-up time is from launch to the first ready answer. */
	void ready() {
		if (this.startUp == null) {
			this.startUp = Duration.ofNanos(System.nanoTime() - this.startedNanos);
		}
	}

	Duration startUp() {
		return this.startUp;
	}

	boolean answers(String url) {
		checkAlive();
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	void checkAlive() {
		if (this.process == null || !this.process.isAlive()) {
			throw new IllegalStateException(this.name + " exited; its log " + this.log + " ends with:\n" + tail(30));
		}
	}

	/** Resident set size in kilobytes, as {@code ps -o rss} reports it; 0 once the process is gone. */
	long rssKb() {
		if (this.process == null || !this.process.isAlive()) {
			return 0;
		}
		try {
			Path status = Path.of("/proc", Long.toString(this.process.pid()), "status");
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux, or the process just ended: fall through to 0
		}
		return 0;
	}

	void stop() {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	String tail(int lines) {
		try {
			List<String> all = Files.exists(this.log) ? Files.readAllLines(this.log) : List.of();
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "";
		}
	}

	String name() {
		return this.name;
	}

	long pid() {
		return this.process.pid();
	}

}
