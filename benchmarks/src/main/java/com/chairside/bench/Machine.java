package com.chairside.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on: they mean little without it. */
final class Machine {

	private static String description;

	private Machine() {
	}

	static synchronized String describe() {
		if (description == null) {
			description = "%d cores (%s), %s, %s %s, Java %s, load average %s at start".formatted(
					Runtime.getRuntime().availableProcessors(), cpuModel(), memory(), System.getProperty("os.name"),
					System.getProperty("os.version"), System.getProperty("java.version"), loadAverage());
		}
		return description;
	}

	static String loadAverage() {
		return firstLine(Path.of("/proc/loadavg")).map((line) -> String.join(" ", List.of(line.split(" ")).subList(0, 3)))
			.orElse("unknown");
	}

	private static String cpuModel() {
		return lines(Path.of("/proc/cpuinfo")).stream()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse("unknown CPU");
	}

	private static String memory() {
		return lines(Path.of("/proc/meminfo")).stream()
			.filter((line) -> line.startsWith("MemTotal"))
			.map((line) -> (Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024) + " GiB RAM")
			.findFirst()
			.orElse("unknown RAM");
	}

	private static java.util.Optional<String> firstLine(Path file) {
		return lines(file).stream().findFirst();
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
