package com.chairside.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's {@code chairside.*} settings live under one prefix of its own and are declared in a
 * {@code @ConfigurationProperties} record, so the metadata the configuration processor generates
 * ({@code META-INF/spring-configuration-metadata.json}) names and describes every one of them; the platform's shared
 * settings likewise, in {@code platform} and {@code platform-web}. Code reads a setting through its record, never with
 * {@code @Value} or {@code Environment.getProperty}; a placeholder is left only where an annotation takes text
 * ({@code @Scheduled}). Read from the module's {@code target/classes}, {@code src/main/resources} and
 * {@code src/main/java}, run from the module's directory (as surefire does).
 */
public final class ServiceSettings {

	/** The platform's settings, which every service shares (docs/ARCHITECTURE.md, "Settings every service shares"). */
	public static final List<String> SHARED = List.of("chairside.outbox", "chairside.store", "chairside.web",
			"chairside.identity");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(chairside\\.[a-z0-9.-]+)(?::([^}]*))?}");

	/** A setting read past its record: injected with {@code @Value}, or asked of the {@code Environment}. */
	private static final Pattern READ_PAST_RECORD = Pattern
		.compile("(?:@Value\\(\\s*\"\\$\\{|getProperty\\(\\s*\")(chairside\\.[a-z0-9.\\[\\]-]+)");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ServiceSettings() {
	}

	/**
	 * Fails when a {@code chairside.*} setting of {@code application*.yml} or of a placeholder in the sources is not
	 * under one of {@code prefixes} (nor the platform's), is not in the generated metadata, or when a placeholder's
	 * default is not the one the metadata declares. A service has one prefix; the gateway has its own and its routes'.
	 */
	public static void assertDeclaredUnder(String... prefixes) {
		List<String> own = List.of(prefixes);
		Path module = Path.of("");
		Map<String, String> declared = defaults(metadata(module));
		List<String> problems = new ArrayList<>(readPastRecords(module.resolve("src/main/java")));
		declared.keySet()
			.stream()
			.filter((name) -> name.startsWith("chairside.") && !under(name, own) && !under(name, SHARED))
			.forEach((name) -> problems.add(name + " is declared outside " + own));
		for (String key : ymlKeys(module.resolve("src/main/resources"), "application.*\\.ya?ml")) {
			check(key, "application.yml", own, declared, problems);
		}
		placeholders(module.resolve("src/main/java"), ".java").forEach((key, defaultValue) -> {
			if (check(key, "a placeholder", own, declared, problems) && defaultValue != null
					&& declared.get(key) != null && !declared.get(key).equals(defaultValue)) {
				problems.add(key + ": the placeholder's default " + defaultValue + " is not the declared "
						+ declared.get(key));
			}
		});
		assertThat(problems).as("settings of this service").isEmpty();
	}

	/**
	 * Fails when this platform module's generated metadata does not declare exactly {@code settings}, each
	 * {@code name=default} or {@code name} where it has none, all under {@link #SHARED} and each described; when its
	 * code reads a {@code chairside.*} setting past its record; or when a setting its {@code *.yml} files
	 * ({@code chairside-defaults.yml}) or placeholders name is not declared, or a placeholder's default is not the
	 * declared one.
	 */
	public static void assertSharedDeclared(String... settings) {
		Path module = Path.of("");
		Map<String, Declared> metadata = metadata(module);
		Map<String, String> declared = defaults(metadata);
		Map<String, String> expected = new TreeMap<>();
		for (String setting : settings) {
			String[] nameAndDefault = setting.split("=", 2);
			expected.put(nameAndDefault[0], (nameAndDefault.length > 1) ? nameAndDefault[1] : null);
		}
		List<String> problems = new ArrayList<>(readPastRecords(module.resolve("src/main/java")));
		TreeSet<String> names = new TreeSet<>(expected.keySet());
		names.addAll(declared.keySet());
		for (String name : names) {
			if (!declared.containsKey(name)) {
				problems.add(name + " is not declared");
			}
			else if (!expected.containsKey(name)) {
				problems.add(name + " is declared but not expected");
			}
			else if (!Objects.equals(declared.get(name), expected.get(name))) {
				problems.add(name + ": the declared default " + declared.get(name) + " is not " + expected.get(name));
			}
		}
		metadata.forEach((name, setting) -> {
			if (!under(name, SHARED)) {
				problems.add(name + " is declared outside " + SHARED);
			}
			if (setting.description() == null || setting.description().isBlank()) {
				problems.add(name + " has no description (a @param of its record's Javadoc)");
			}
		});
		for (String key : ymlKeys(module.resolve("src/main/resources"), ".*\\.ya?ml")) {
			if (!declared.containsKey(key)) {
				problems.add(key + " (a .yml file) is in no @ConfigurationProperties record");
			}
		}
		Map<String, String> placeholders = new TreeMap<>(placeholders(module.resolve("src/main/java"), ".java"));
		placeholders.putAll(placeholders(module.resolve("src/main/resources"), ".yml"));
		placeholders.forEach((key, defaultValue) -> {
			if (!declared.containsKey(key)) {
				problems.add(key + " (a placeholder) is in no @ConfigurationProperties record");
			}
			else if (defaultValue != null && !defaultValue.equals(declared.get(key))) {
				problems.add(key + ": the placeholder's default " + defaultValue + " is not the declared "
						+ declared.get(key));
			}
		});
		assertThat(problems).as("settings of this platform module").isEmpty();
	}

	/** Each {@code chairside.*} setting the sources read past its record, with the file that reads it. */
	private static List<String> readPastRecords(Path sources) {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path source : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				Matcher matcher = READ_PAST_RECORD.matcher(Files.readString(source));
				while (matcher.find()) {
					found.add(source.getFileName() + " reads " + matcher.group(1)
							+ " with @Value or getProperty, past a @ConfigurationProperties record");
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	/** Records the problem with {@code key}, if any; answers whether it is this service's own and declared. */
	private static boolean check(String key, String where, List<String> own, Map<String, String> declared,
			List<String> problems) {
		if (under(key, SHARED)) {
			return false;
		}
		if (!under(key, own)) {
			problems.add(key + " (" + where + ") is not under " + own);
			return false;
		}
		if (declared.keySet().stream().noneMatch((name) -> key.equals(name) || under(key, name))) {
			problems.add(key + " (" + where + ") is in no @ConfigurationProperties record");
			return false;
		}
		return true;
	}

	/** {@code key} is one of {@code names} or below one. */
	private static boolean under(String key, List<String> names) {
		return names.stream().anyMatch((name) -> under(key, name));
	}

	/** {@code key} is {@code name} or below it: a nested setting, a map's key or a list's element. */
	private static boolean under(String key, String name) {
		return key.equals(name) || key.startsWith(name + ".") || key.startsWith(name + "[");
	}

	/** The settings the module's metadata declares. */
	private static Map<String, Declared> metadata(Path module) {
		Path file = module.resolve("target/classes/META-INF/spring-configuration-metadata.json");
		assertThat(file).as("the configuration processor's metadata (built by the compile phase)").exists();
		Map<String, Declared> declared = new TreeMap<>();
		for (JsonNode property : JSON.readTree(file.toFile()).path("properties")) {
			JsonNode defaultValue = property.get("defaultValue");
			JsonNode description = property.get("description");
			declared.put(property.path("name").asString(),
					new Declared((defaultValue == null || defaultValue.isNull()) ? null : text(defaultValue),
							(description == null || description.isNull()) ? null : description.asString()));
		}
		return declared;
	}

	/** The declared settings, each with its default (as text) or {@code null}. */
	private static Map<String, String> defaults(Map<String, Declared> metadata) {
		Map<String, String> defaults = new TreeMap<>();
		metadata.forEach((name, setting) -> defaults.put(name, setting.defaultValue()));
		return defaults;
	}

	/**
	 * A default as a setting would write it: a list's elements separated by commas, whether the processor wrote an
	 * array or, as it does for a record's list, its text ({@code [a, b]}).
	 */
	private static String text(JsonNode value) {
		if (value.isArray()) {
			List<String> elements = new ArrayList<>();
			value.forEach((element) -> elements.add(element.asString()));
			return String.join(",", elements);
		}
		String text = value.asString();
		return (text.startsWith("[") && text.endsWith("]")) ? text.substring(1, text.length() - 1).replace(", ", ",")
				: text;
	}

	/** The {@code chairside.*} keys of the {@code .yml} files of {@code resources} whose names match {@code names}. */
	private static TreeSet<String> ymlKeys(Path resources, String names) {
		TreeSet<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.list(resources)) {
			for (Path yml : files.filter((f) -> f.getFileName().toString().matches(names)).toList()) {
				for (PropertySource<?> document : new YamlPropertySourceLoader().load(yml.toString(),
						new FileSystemResource(yml))) {
					for (String name : ((EnumerablePropertySource<?>) document).getPropertyNames()) {
						if (name.startsWith("chairside.")) {
							keys.add(name);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return keys;
	}

	/**
	 * Each {@code ${chairside...}} placeholder of the files below {@code sources} named {@code *suffix}, with its
	 * default ({@code null} when it has none).
	 */
	private static Map<String, String> placeholders(Path sources, String suffix) {
		Map<String, String> found = new TreeMap<>();
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path source : files.filter((f) -> f.toString().endsWith(suffix)).toList()) {
				Matcher matcher = PLACEHOLDER.matcher(Files.readString(source));
				while (matcher.find()) {
					String previous = found.put(matcher.group(1), matcher.group(2));
					assertThat(Objects.equals(previous, matcher.group(2)) || previous == null)
						.as("%s has one default in every placeholder", matcher.group(1))
						.isTrue();
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return found;
	}

	/** A declared setting: its default (as text) and description, each {@code null} when it has none. */
	private record Declared(String defaultValue, String description) {
	}

}
