package com.chairside.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How many processes each service runs as, remembered in the state folder ({@code <service> <count>} a line, the last
 * line of a service counting), so that status, down and later runs of up know them.
 */
final class Replicas {

	private final Path file;

	Replicas(Path state) {
		this.file = state.resolve("replicas");
	}

	Path file() {
		return this.file;
	}

	/** The remembered counts; none before the first {@code --replicas}. */
	Map<String, Integer> counts() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		try {
			for (String line : Files.exists(this.file) ? Files.readAllLines(this.file) : List.<String>of()) {
				String[] fields = line.trim().split("\\s+");
				if (fields.length == 2 && fields[1].matches("[0-9]+")) {
					counts.put(fields[0], Integer.parseInt(fields[1]));
				}
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return counts;
	}

	/** Remembers {@code counts} beside the others. */
	void remember(Map<String, Integer> counts) throws IOException {
		Map<String, Integer> all = counts();
		counts.keySet().forEach(all::remove);
		all.putAll(counts);
		List<String> lines = new ArrayList<>();
		all.forEach((service, count) -> lines.add(service + " " + count));
		Files.createDirectories(this.file.getParent());
		Path next = this.file.resolveSibling("replicas.new");
		Files.write(next, lines);
		Files.move(next, this.file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * {@code <service>=<n>[,...]} as counts by service; refuses anything else (a service that is not one, a count
	 * outside 1 to 9) with the sentence to show.
	 */
	static Map<String, Integer> parse(String spec) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (String each : spec.trim().split("[,\\s]+")) {
			if (each.isEmpty()) {
				continue;
			}
			int equals = each.indexOf('=');
			String service = (equals < 0) ? each : each.substring(0, equals);
			String count = each.substring(equals + 1);
			if (equals < 0 || !Catalogue.SERVICES.contains(service)) {
				throw new IllegalArgumentException("--replicas: '" + service + "' is not a service ("
						+ String.join(" ", Catalogue.SERVICES) + ")");
			}
			if (!count.matches("[1-" + Catalogue.MOST_REPLICAS + "]")) {
				throw new IllegalArgumentException("--replicas: " + service + "=" + count + ": give a count from 1 to "
						+ Catalogue.MOST_REPLICAS);
			}
			counts.put(service, Integer.parseInt(count));
		}
		return counts;
	}

}
