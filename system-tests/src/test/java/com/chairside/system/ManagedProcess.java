package com.chairside.system;

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

/** A JVM the suite starts as its own OS process, with its output in a log file, so that it can be killed and restarted. */
final class ManagedProcess {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final List<String> command;

	private final Path log;

	private Process process;

	ManagedProcess(String name, List<String> command, Path logFolder) {
		this.name = name;
		this.command = command;
		this.log = logFolder.resolve(name + ".log");
	}

	/** {@code java <jvm options> -jar <jar> <args>} with small heaps: six of these share two cores. */
	static ManagedProcess springBoot(String name, Path jar, List<String> args, Path logFolder) {
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xms64m", "-Xmx256m", "-XX:TieredStopAtLevel=1",
				"-XX:+UseSerialGC", "-Xss512k", "-jar", jar.toString()));
		command.addAll(args);
		return new ManagedProcess(name, command, logFolder);
	}

	static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	ManagedProcess start() {
		try {
			Files.createDirectories(this.log.getParent());
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

	boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	long pid() {
		return this.process.pid();
	}

	/** Ready when its readiness probe answers 200; fails fast, with the log's tail, if the process died. */
	boolean ready(String readinessUrl) {
		if (!isAlive()) {
			throw new IllegalStateException(this.name + " exited; its log ends with:\n" + tail(40));
		}
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create(readinessUrl)).timeout(Duration.ofSeconds(2)).build(),
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

	/** A clean stop (SIGTERM) and wait. */
	void stop() {
		if (this.process != null) {
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
	}

	/** A crash (SIGKILL): nothing gets to clean up. */
	void kill() {
		if (this.process != null) {
			this.process.destroyForcibly();
			try {
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Frozen (SIGSTOP): its sockets stay open and nothing answers, as a machine that stalls. */
	void pause() {
		signal("STOP");
	}

	/** Thawed (SIGCONT) after {@link #pause()}. */
	void resume() {
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
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	String logText() {
		try {
			return Files.exists(this.log) ? Files.readString(this.log) : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	String tail(int lines) {
		List<String> all = logText().lines().toList();
		return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}

	String name() {
		return this.name;
	}

}
