package com.chairside.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A class-data-sharing archive of the classes a Spring Boot part loads while it starts, beside its extracted jar
 * ({@code startup.jsa}): with it the JVM maps those classes instead of loading and verifying them. Measured for
 * lead-service on this machine: 7.2 CPU-seconds until "Started" from the extracted jar, 4.6 with the archive
 * (docs/ARCHITECTURE.md, "Start-up").
 * <p>
 * The first start of a jar without an archive runs as before and a training run beside it makes the archive for the
 * next ones: the same command, stopped once the context is refreshed ({@code -Dspring.context.exit=onRefresh}, before
 * any listener, consumer or scheduled task starts) and writing the archive as it exits. It writes to a name of its own
 * and renames it into place when complete, so a JVM never maps half an archive; launchers side by side claim the
 * training with a marker file, so one trains and the others start without. A JVM that cannot use an archive (another
 * JDK, a changed class path) says so in its log and starts without it.
 */
public final class StartupArchive {

	static final String FILE = "startup.jsa";

	/** A training claim older than this was left by a launcher that died: another may train. */
	private static final Duration CLAIM = Duration.ofMinutes(3);

	private StartupArchive() {
	}

	/** Where the archive of the Spring Boot jar {@code jar} (as its module packages it) is once trained. */
	public static Path of(Path jar) {
		try {
			return ExtractedJar.folder(jar).resolve(FILE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code part}, run from {@code jar} (extracted), with the archive's options when there is one; otherwise as it
	 * is, with a training run started beside it that writes to {@code logs}.
	 */
	static Part applied(Part part, Path jar, Path logs) {
		Path archive = jar.resolveSibling(FILE);
		if (Files.isRegularFile(archive)) {
			return part.withJvmOptions(List.of("-XX:SharedArchiveFile=" + archive));
		}
		try {
			if (claimed(jar.resolveSibling(FILE + ".training"))) {
				train(part, archive, logs.resolve(part.name() + "-training.log"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot train the start-up archive of " + part.name(), ex);
		}
		return part;
	}

	/** Whether this launcher may train: no other has claimed it lately. */
	private static boolean claimed(Path claim) throws IOException {
		if (Files.exists(claim)
				&& Files.getLastModifiedTime(claim).toInstant().isAfter(Instant.now().minus(CLAIM))) {
			return false;
		}
		Files.deleteIfExists(claim);
		try {
			Files.createFile(claim);
			return true;
		}
		catch (FileAlreadyExistsException ex) {
			return false;
		}
	}

	private static void train(Part part, Path archive, Path log) throws IOException {
		Path partial = archive.resolveSibling("startup-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".jsa");
		List<String> java = new ArrayList<>(part
			.withJvmOptions(List.of("-XX:ArchiveClassesAtExit=" + partial, "-Dspring.context.exit=onRefresh"))
			.command(Catalogue.java()));
		// not the part's marker: the training run is not the part, and nothing may take it for it
		java.replaceAll((argument) -> argument.startsWith(Part.MARKER)
				? "-Dchairside.training=" + part.name() : argument);
		List<String> command = new ArrayList<>(List.of("sh", "-c",
				"partial=$1; archive=$2; claim=$3; shift 3; "
						+ "\"$@\" && [ -s \"$partial\" ] && mv -f \"$partial\" \"$archive\"; rm -f \"$partial\" \"$claim\"",
				"sh", partial.toString(), archive.toString(), archive.resolveSibling(FILE + ".training").toString()));
		command.addAll(java);
		Files.createDirectories(log.getParent());
		Process training = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		training.getOutputStream().close();
	}

}
