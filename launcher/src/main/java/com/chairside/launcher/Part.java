package com.chairside.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One part of the suite as data: the JVM process it runs as, the ports it binds, how to tell it is ready and which
 * parts must be ready before it starts. Made by the {@link Catalogue}; a caller may retune a copy (heap, options,
 * settings) before handing it to the {@link Supervisor}.
 *
 * @param name what people call it (`kafka`, `order-service`, `notification-service-2`); also its log's and pid file's
 * name
 * @param modules the Maven modules it runs from, which must be built before it starts
 * @param port the port its clients use; readiness is asked there
 * @param otherPorts other ports it binds, which must be free too
 * @param heap its maximum heap ({@code -Xmx})
 * @param jvmOptions the JVM's other options
 * @param program the main class and class path, or the jar
 * @param arguments the program's own arguments
 * @param settings Spring Boot properties, passed as {@code --key=value} after the arguments (one value per key, so
 * that an override replaces a setting rather than adding a second value to it)
 * @param readiness what answers once the part can serve its clients
 * @param dependencies the parts that must be ready before this one starts
 * @param data the folders it keeps data in: made before it starts, emptied by a reset
 * @param preparation what must be on disk before it starts, beyond its data folders
 */
public record Part(String name, List<String> modules, int port, List<Integer> otherPorts, String heap,
		List<String> jvmOptions, Program program, List<String> arguments, Map<String, String> settings,
		Readiness readiness, Set<String> dependencies, List<Path> data, Preparation preparation) {

	/** Every process a supervisor starts carries this, so that a pid file pointing at a recycled pid is never trusted. */
	public static final String MARKER = "-Dchairside.part=";

	public Part {
		modules = List.copyOf(modules);
		otherPorts = List.copyOf(otherPorts);
		jvmOptions = List.copyOf(jvmOptions);
		arguments = List.copyOf(arguments);
		settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
		dependencies = Set.copyOf(dependencies);
		data = List.copyOf(data);
	}

	/** The command line that runs it: {@code java <marker> -Xmx<heap> <options> <program> <arguments> --<settings>}. */
	public List<String> command(String java) {
		List<String> command = new ArrayList<>(List.of(java, MARKER + this.name, "-Xmx" + this.heap));
		command.addAll(this.jvmOptions);
		command.addAll(this.program.arguments());
		command.addAll(this.arguments);
		this.settings.forEach((key, value) -> command.add("--" + key + "=" + value));
		return command;
	}

	/** Every port it binds, its clients' first. */
	public List<Integer> ports() {
		List<Integer> ports = new ArrayList<>(List.of(this.port));
		ports.addAll(this.otherPorts);
		return ports;
	}

	public Part withHeap(String heap) {
		return new Part(this.name, this.modules, this.port, this.otherPorts, heap, this.jvmOptions, this.program,
				this.arguments, this.settings, this.readiness, this.dependencies, this.data, this.preparation);
	}

	/** The same part with {@code options} after its JVM options. */
	public Part withJvmOptions(List<String> options) {
		List<String> all = new ArrayList<>(this.jvmOptions);
		all.addAll(options);
		return new Part(this.name, this.modules, this.port, this.otherPorts, this.heap, all, this.program,
				this.arguments, this.settings, this.readiness, this.dependencies, this.data, this.preparation);
	}

	public Part withProgram(Program program) {
		return new Part(this.name, this.modules, this.port, this.otherPorts, this.heap, this.jvmOptions, program,
				this.arguments, this.settings, this.readiness, this.dependencies, this.data, this.preparation);
	}

	public Part withReadiness(Readiness readiness) {
		return new Part(this.name, this.modules, this.port, this.otherPorts, this.heap, this.jvmOptions, this.program,
				this.arguments, this.settings, readiness, this.dependencies, this.data, this.preparation);
	}

	public Part withPreparation(Preparation preparation) {
		return new Part(this.name, this.modules, this.port, this.otherPorts, this.heap, this.jvmOptions, this.program,
				this.arguments, this.settings, this.readiness, this.dependencies, this.data, preparation);
	}

	/** The same part with {@code settings} set: each replaces the one of its key, or comes after the others. */
	public Part withSettings(Map<String, String> settings) {
		Map<String, String> all = new LinkedHashMap<>(this.settings);
		all.putAll(settings);
		return new Part(this.name, this.modules, this.port, this.otherPorts, this.heap, this.jvmOptions, this.program,
				this.arguments, all, this.readiness, this.dependencies, this.data, this.preparation);
	}

	public Part withSetting(String key, String value) {
		return withSettings(Map.of(key, value));
	}

	/**
	 * The same part with settings given as on a command line ({@code --key=value}, as a person tries one), each
	 * replacing the one of its key.
	 */
	public Part withCommandLineSettings(List<String> arguments) {
		Map<String, String> settings = new LinkedHashMap<>();
		for (String argument : arguments) {
			int equals = argument.indexOf('=');
			if (!argument.startsWith("--") || equals < 3) {
				throw new IllegalArgumentException("A setting reads --key=value, not '" + argument + "' (" + this.name + ")");
			}
			settings.put(argument.substring(2, equals), argument.substring(equals + 1));
		}
		return withSettings(settings);
	}

	/** Files a part needs on disk before it starts (Kafka's configuration and formatted storage). */
	@FunctionalInterface
	public interface Preparation {

		Preparation NONE = (log) -> {
		};

		/** {@code log}: where the part's output goes, for what a preparation's tools have to say. */
		void prepare(Path log) throws java.io.IOException;

	}

}
