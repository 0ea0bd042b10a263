package com.chairside.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The process management behind {@code bin/chairside}, which builds what is missing and then calls this with the
 * repository ({@code -Dchairside.root}) and the state folder ({@code -Dchairside.home}):
 * <pre>
 * parts                          every part's name, on one line
 * modules [--replicas S]         checks S, then the Maven modules the selected parts run from, one a line
 * up [--replicas S] [--build-seconds N]
 * down | status | reset
 * log &lt;part&gt;                     the part's log file
 * token &lt;arguments&gt;              a token signed with the issuer's key (devstack's TokenIssuer)
 * dead-letters &lt;arguments&gt;       a consumer group's dead letters (devstack's DeadLetters)
 * </pre>
 * {@code CHAIRSIDE_PARTS} narrows up, down and status to some parts; {@code CHAIRSIDE_TIMEOUT} is the seconds each part
 * may take to become ready. Exit status 1 with {@code error: ...} on standard error when refused.
 */
public final class Launcher {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

	private static final List<String> SAMPLE_TOKEN = List.of("--user", "am.northeast", "--role", "ACCOUNT_MANAGER",
			"--region", "NORTHEAST");

	private final Path root;

	private final Path state;

	private final Map<String, String> environment;

	private final Terminal terminal;

	private final Replicas replicas;

	Launcher(Path root, Path state, Map<String, String> environment, PrintStream out, PrintStream err) {
		this.root = root;
		this.state = state;
		this.environment = environment;
		this.terminal = new Terminal(out, err);
		this.replicas = new Replicas(state);
	}

	public static void main(String[] args) {
		Path root = Path.of(System.getProperty("chairside.root", ".")).toAbsolutePath().normalize();
		Path state = Path.of(System.getProperty("chairside.home", root.resolve(".chairside").toString()))
			.toAbsolutePath()
			.normalize();
		System.exit(new Launcher(root, state, System.getenv(), System.out, System.err).run(List.of(args)));
	}

	int run(List<String> args) {
		String command = args.isEmpty() ? "" : args.get(0);
		List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
		try {
			return switch (command) {
				case "parts" -> say(catalogue().names());
				case "modules" -> modules(rest);
				case "up" -> up(rest);
				case "down" -> down();
				case "status" -> status();
				case "reset" -> reset();
				case "log" -> log(rest);
				case "token" -> tool("com.chairside.devstack.TokenIssuer", prepend(catalogue().issuerKey().toString(), rest),
						"token");
				case "dead-letters" -> tool("com.chairside.devstack.DeadLetters",
						prepend(this.environment.getOrDefault("CHAIRSIDE_KAFKA", catalogue().address("kafka")), rest), null);
				default -> throw new IllegalArgumentException("unknown launcher command '" + command + "'");
			};
		}
		catch (PartFailure failure) {
			return failed(failure);
		}
		catch (IllegalArgumentException | IllegalStateException | IOException ex) {
			this.terminal.complain("error: " + ex.getMessage());
			return 1;
		}
	}

	private int say(String line) {
		this.terminal.say(line);
		return 0;
	}

	private int failed(PartFailure failure) {
		if (failure.log() == null) {
			this.terminal.complain("error: " + failure.reason());
			return 1;
		}
		this.terminal.complain("error: " + failure.reason() + ". Its log, " + failure.log() + ", ends with:");
		List<String> log = lines(failure.log());
		log.subList(Math.max(0, log.size() - 20), log.size()).forEach(this.terminal::complain);
		this.terminal.complain("(parts already started keep running; bin/chairside down stops them)");
		return 1;
	}

	/** The catalogue on the usual ports, with the remembered replica counts. */
	Catalogue catalogue() {
		return Catalogue.of(this.root, this.state).withReplicas(this.replicas.counts());
	}

	private Supervisor supervisor() {
		return Supervisor.detached(this.state, this.root, this.terminal);
	}

	/** The parts to act on: those CHAIRSIDE_PARTS names (a service naming its replicas too), or all of them. */
	List<Part> selected(Catalogue catalogue) {
		List<Part> all = catalogue.parts();
		String wanted = this.environment.getOrDefault("CHAIRSIDE_PARTS", "").trim();
		if (wanted.isEmpty()) {
			return all;
		}
		Set<String> names = new LinkedHashSet<>(Arrays.asList(wanted.split("\\s+")));
		for (String name : names) {
			try {
				catalogue.part(name);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"CHAIRSIDE_PARTS: no part named '" + name + "' (parts: " + catalogue.names() + ")");
			}
		}
		return all.stream()
			.filter((part) -> names.contains(part.name()) || names.contains(Catalogue.serviceOf(part.name())))
			.toList();
	}

	private int modules(List<String> args) {
		Options options = Options.of(args);
		if (options.replicas() != null) {
			Replicas.parse(options.replicas());
		}
		selected(catalogue()).stream()
			.flatMap((part) -> part.modules().stream())
			.distinct()
			.forEach(this.terminal::say);
		return 0;
	}

	private int up(List<String> args) throws IOException {
		Options options = Options.of(args);
		Files.createDirectories(this.state.resolve("logs"));
		Supervisor supervisor = supervisor();
		if (options.replicas() != null && changeReplicas(Replicas.parse(options.replicas()), supervisor)) {
			Part gateway = catalogue().part("gateway");
			if (supervisor.process(gateway).isAlive()) {
				this.terminal.say("the set of replicas changed: restarting the gateway so that it routes to all of them");
				supervisor.down(List.of(gateway));
			}
		}
		long began = System.nanoTime();
		Catalogue catalogue = catalogue();
		List<Part> parts = selected(catalogue);
		supervisor.up(parts, timeout());
		summary(catalogue, parts, Duration.ofNanos(System.nanoTime() - began), options.buildSeconds());
		return 0;
	}

	/** Remembers the new counts and stops replicas beyond them; whether anything changed. */
	private boolean changeReplicas(Map<String, Integer> counts, Supervisor supervisor) throws IOException {
		Catalogue before = catalogue();
		List<Part> beyond = new ArrayList<>();
		counts.forEach((service, count) -> {
			for (int n = count + 1; n <= before.replicas(service); n++) {
				beyond.add(before.replica(service, n));
			}
		});
		boolean changed = counts.entrySet().stream().anyMatch((count) -> before.replicas(count.getKey()) != count.getValue());
		supervisor.down(beyond);
		if (changed) {
			this.replicas.remember(counts);
		}
		return changed;
	}

	private Duration timeout() {
		String seconds = this.environment.getOrDefault("CHAIRSIDE_TIMEOUT", "");
		return seconds.matches("[0-9]+") ? Duration.ofSeconds(Long.parseLong(seconds)) : DEFAULT_TIMEOUT;
	}

	private void summary(Catalogue catalogue, List<Part> parts, Duration took, long buildSeconds) {
		boolean gateway = parts.stream().anyMatch((part) -> part.name().equals("gateway"));
		String url = catalogue.url("gateway");
		this.terminal.say("");
		this.terminal.say("Chairside is up: started in " + took.toSeconds() + "s"
				+ ((buildSeconds > 0) ? ", after a " + buildSeconds + "s build" : "") + ".");
		if (gateway) {
			this.terminal.say("  gateway: " + url);
		}
		if (parts.stream().anyMatch((part) -> part.name().equals("zipkin"))) {
			this.terminal.say("  traces:  " + catalogue.url("zipkin") + "/zipkin/   (a response's traceparent names its trace)");
		}
		this.terminal.say("  logs:    " + this.state.resolve("logs") + "/<part>.log   (bin/chairside logs <part>)");
		String token = sampleToken(catalogue);
		if (token.isEmpty()) {
			this.terminal.say("  (could not issue a token: try bin/chairside token " + String.join(" ", SAMPLE_TOKEN) + ")");
			return;
		}
		this.terminal.say("  a token for am.northeast (ACCOUNT_MANAGER, NORTHEAST), valid 12 hours:");
		this.terminal.say("");
		this.terminal.say("export TOKEN=" + token);
		this.terminal.say("curl -H \"Authorization: Bearer $TOKEN\" " + url + "/api/products");
		if (gateway) {
			this.terminal.say("");
			this.terminal.say("  the console: " + url
					+ "/ (sign in as am.northeast, password chairside; users in README)");
		}
	}

	/** A token for the sample user, or nothing when none can be issued (devstack not built, say). */
	private String sampleToken(Catalogue catalogue) {
		try {
			Process issuer = new ProcessBuilder(catalogue.tool("com.chairside.devstack.TokenIssuer",
					prepend("token", prepend(catalogue.issuerKey().toString(), SAMPLE_TOKEN))))
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			issuer.getOutputStream().close();
			String output;
			try (InputStream in = issuer.getInputStream()) {
				output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			if (!issuer.waitFor(60, TimeUnit.SECONDS) || issuer.exitValue() != 0) {
				return "";
			}
			List<String> lines = output.lines().filter((line) -> !line.isBlank()).toList();
			return lines.isEmpty() ? "" : lines.get(lines.size() - 1).trim();
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	private int down() {
		if (supervisor().down(selected(catalogue())) == 0) {
			this.terminal.say("nothing was running");
		}
		return 0;
	}

	/** One line per part: {@code <part> <pid> <port> UP|DOWN}. */
	private int status() {
		Supervisor supervisor = supervisor();
		for (Part part : selected(catalogue())) {
			PartProcess process = supervisor.process(part);
			String pid = process.runningPid().isPresent() ? Long.toString(process.runningPid().getAsLong()) : "-";
			boolean up = !pid.equals("-") && part.readiness().answers(part.port());
			this.terminal.say(part.name() + " " + pid + " " + part.port() + " " + (up ? "UP" : "DOWN"));
		}
		return 0;
	}

	/**
	 * Empties the data folders and forgets the replica counts; refused while any part runs. Only what the parts fill,
	 * never whatever else the state folder holds; logs stay.
	 */
	private int reset() throws IOException {
		Supervisor supervisor = supervisor();
		Catalogue catalogue = catalogue();
		for (Part part : catalogue.parts()) {
			PartProcess process = supervisor.process(part);
			if (process.isAlive()) {
				throw new IllegalStateException(part.name() + " is running (pid " + process.pid()
						+ "): run bin/chairside down first");
			}
		}
		deleteTree(this.state.resolve("pids"));
		List<Path> entries = new ArrayList<>();
		catalogue.parts().forEach((part) -> entries.addAll(part.data()));
		entries.add(this.replicas.file());
		boolean removed = false;
		for (Path entry : entries.stream().distinct().toList()) {
			if (Files.exists(entry)) {
				this.terminal.say("removed " + entry + " (" + Sizes.human(Sizes.onDisk(entry)) + ")");
				deleteTree(entry);
				removed = true;
			}
		}
		this.terminal.say(removed ? "Kafka's topics, the store's data, the issuer's key and the replica counts are gone "
				+ "(tokens issued before no longer verify)." : "nothing to remove");
		return 0;
	}

	private int log(List<String> args) {
		if (args.size() != 1) {
			throw new IllegalArgumentException("usage: bin/chairside logs <part> (parts: " + catalogue().names() + " build)");
		}
		Path log = this.state.resolve("logs").resolve(args.get(0) + ".log");
		if (!Files.exists(log)) {
			throw new IllegalArgumentException("no log for '" + args.get(0) + "' in " + log.getParent());
		}
		return say(log.toString());
	}

	/** Runs a devstack tool with this terminal as its own; its exit status is ours. */
	private int tool(String mainClass, List<String> arguments, String command) throws IOException {
		List<String> all = (command != null) ? prepend(command, arguments) : arguments;
		Process tool = new ProcessBuilder(catalogue().tool(mainClass, all)).inheritIO().start();
		try {
			return tool.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			tool.destroy();
			return 130;
		}
	}

	private static List<String> prepend(String first, List<String> rest) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(rest);
		return all;
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static void deleteTree(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) {
			for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(each);
			}
		}
	}

	/** {@code up}'s and {@code modules}' options. */
	record Options(String replicas, long buildSeconds) {

		static Options of(List<String> args) {
			String replicas = null;
			long buildSeconds = 0;
			for (int i = 0; i < args.size(); i++) {
				String arg = args.get(i);
				if (arg.equals("--replicas") && i + 1 < args.size()) {
					replicas = args.get(++i);
				}
				else if (arg.equals("--build-seconds") && i + 1 < args.size()) {
					buildSeconds = Long.parseLong(args.get(++i));
				}
				else {
					throw new IllegalArgumentException("unknown option '" + arg + "'");
				}
			}
			return new Options(replicas, buildSeconds);
		}

	}

}
