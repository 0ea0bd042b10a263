package com.chairside.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module's {@code Dockerfile} read as data, the way the builder reads it: comment lines dropped, continued lines
 * joined, one instruction per line, each in the stage its {@code FROM} began (0 the first). No engine runs here, so
 * the tests compare what it says with the module, {@code docker-compose.yml} and the Kubernetes manifests.
 */
record ImageDefinition(String module, List<Instruction> instructions) {

	/** The modules that run in containers: the services and the gateway, as the launcher names them. */
	static final List<String> MODULES = List.of("lead-service", "account-service", "order-service",
			"notification-service", "reporting-service", "gateway");

	/** The repository root, seen from deploy (the tests' working directory). */
	static final Path ROOT = Path.of("..");

	private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"[^\"]*\"|\\S+)");

	record Instruction(int stage, String keyword, String arguments) {
	}

	static ImageDefinition of(String module) {
		Path file = dockerfile(module);
		try {
			List<Instruction> instructions = new ArrayList<>();
			int stage = -1;
			StringBuilder line = new StringBuilder();
			for (String raw : Files.readAllLines(file)) {
				if (raw.strip().startsWith("#") || (line.isEmpty() && raw.isBlank())) {
					continue;
				}
				if (raw.endsWith("\\")) {
					line.append(raw, 0, raw.length() - 1).append(' ');
					continue;
				}
				line.append(raw);
				String text = line.toString().strip().replaceAll("\\s+", " ");
				line.setLength(0);
				int space = text.indexOf(' ');
				String keyword = text.substring(0, space).toUpperCase(java.util.Locale.ROOT);
				if (keyword.equals("FROM")) {
					stage++;
				}
				instructions.add(new Instruction(stage, keyword, text.substring(space + 1)));
			}
			return new ImageDefinition(module, instructions);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path dockerfile(String module) {
		return ROOT.resolve(module).resolve("Dockerfile");
	}

	/** The image's name in docker-compose.yml and, after a registry's host, in the Kubernetes manifests. */
	static String imageName(String module) {
		return "chairside/" + module;
	}

	/** Every instruction with this keyword, in order. */
	List<Instruction> all(String keyword) {
		return this.instructions.stream().filter((i) -> i.keyword().equals(keyword)).toList();
	}

	/** The arguments of the one instruction with this keyword in the stage that runs (the last). */
	String last(String keyword) {
		List<String> found = all(keyword).stream()
			.filter((i) -> i.stage() == runStage())
			.map(Instruction::arguments)
			.toList();
		if (found.size() != 1) {
			throw new AssertionError(this.module + "'s Dockerfile has " + found.size() + " " + keyword
					+ " in its last stage, not one");
		}
		return found.get(0);
	}

	int runStage() {
		return this.instructions.get(this.instructions.size() - 1).stage();
	}

	/** The variables its {@code ENV} instructions set in the stage that runs. */
	Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>();
		all("ENV").stream().filter((i) -> i.stage() == runStage()).forEach((env) -> {
			Matcher pair = ENV_PAIR.matcher(env.arguments());
			while (pair.find()) {
				environment.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
			}
		});
		return environment;
	}

	/** The port it exposes (one). */
	int port() {
		return Integer.parseInt(last("EXPOSE"));
	}

	/** The user it runs as: {@code uid} or {@code uid:gid}. */
	String user() {
		return last("USER");
	}

	/** The path its {@code HEALTHCHECK} asks on the service's own port. */
	String healthPath() {
		Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:\\$\\{SERVER_PORT}(/\\S*?)\"?(\\s|$)").matcher(last("HEALTHCHECK"));
		if (!url.find()) {
			throw new AssertionError(this.module + "'s HEALTHCHECK asks no http://127.0.0.1:${SERVER_PORT}/... URL");
		}
		return url.group(1);
	}

}
