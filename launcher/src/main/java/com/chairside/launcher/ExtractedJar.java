package com.chairside.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Spring Boot jar as its JVM starts fastest: extracted ({@code java -Djarmode=tools -jar <jar> extract}), so that
 * the classes load from plain jars on the class path instead of from jars nested in the fat jar. Measured for
 * lead-service on this machine: 11.5 CPU-seconds until "Started" from the fat jar, 7.2 extracted (docs/ARCHITECTURE.md,
 * "Start-up").
 * <p>
 * The folder, beside the jar under {@code extracted/}, is named by the jar's size and time and never changed once made:
 * a rebuilt jar gets a folder of its own, so a running process never sees its classes change. Launchers running side
 * by side (the system tests' suite and bin/chairside's, say) may extract the same jar at once; each extracts into a
 * folder of its own and the first to rename it into place wins.
 */
final class ExtractedJar {

	private static final long EXTRACT_SECONDS = 120;

	private ExtractedJar() {
	}

	/** The extracted form of {@code jar} (its main jar, with {@code lib/} beside it), extracted now if need be. */
	static Path of(Path jar) {
		try {
			Path folder = folder(jar);
			Path main = folder.resolve(jar.getFileName());
			if (!Files.isRegularFile(main)) {
				extract(jar, folder);
			}
			return main;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot extract " + jar, ex);
		}
	}

	static Path folder(Path jar) throws IOException {
		BasicFileAttributes file = Files.readAttributes(jar, BasicFileAttributes.class);
		String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
		return jar.resolveSibling("extracted")
			.resolve(name + "-" + file.size() + "-" + file.lastModifiedTime().toMillis());
	}

	private static void extract(Path jar, Path folder) throws IOException {
		Files.createDirectories(folder.getParent());
		Path work = Files.createTempDirectory(folder.getParent(), ".extracting-");
		try {
			Path into = work.resolve("out");
			Path log = work.resolve("extract.log");
			Process tool = new ProcessBuilder(List.of(Catalogue.java(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
					"-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", into.toString()))
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!tool.waitFor(EXTRACT_SECONDS, TimeUnit.SECONDS) || tool.exitValue() != 0) {
				tool.destroyForcibly();
				throw new IOException("Extracting " + jar + " failed: " + Files.readString(log));
			}
			moveIntoPlace(into, folder, folder.resolve(jar.getFileName()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while extracting " + jar, ex);
		}
		finally {
			deleteTree(work);
		}
	}

	static void moveIntoPlace(Path extracted, Path folder, Path main) throws IOException {
		try {
			Files.move(extracted, folder, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileSystemException ex) {
			// Another launcher extracted the same jar first (rename(2) onto its folder fails, as "directory not
			// empty"): its folder holds the same files.
			if (!Files.isRegularFile(main)) {
				throw ex;
			}
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
