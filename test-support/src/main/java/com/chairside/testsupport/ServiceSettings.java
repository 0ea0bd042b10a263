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
 * ({@code META-INF/spring-configuration-metadata.json}) names and describes every one of them. Read from the module's
 * {@code target/classes}, {@code src/main/resources/application*.yml} and {@code src/main/java}, run from the module's
 * directory (as surefire does).
 */
public final class ServiceSettings {

	/** The platform's settings, which every service shares (docs/ARCHITECTURE.md, "Settings every service shares"). */
	public static final List<String> SHARED = List.of("chairside.outbox", "chairside.store", "chairside.web",
			"chairside.identity");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(chairside\\.[a-z0-9.-]+)(?::([^}]*))?}");

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
		Map<String, String> declared = metadata(module.resolve("target/classes/META-INF/spring-configuration-metadata.json"));
		List<String> problems = new ArrayList<>();
		declared.keySet()
			.stream()
			.filter((name) -> name.startsWith("chairside.") && !under(name, own) && !under(name, SHARED))
			.forEach((name) -> problems.add(name + " is declared outside " + own));
		for (String key : ymlKeys(module.resolve("src/main/resources"))) {
			check(key, "application.yml", own, declared, problems);
		}
		placeholders(module.resolve("src/main/java")).forEach((key, defaultValue) -> {
			if (check(key, "a placeholder", own, declared, problems) && defaultValue != null
					&& declared.get(key) != null && !declared.get(key).equals(defaultValue)) {
				problems.add(key + ": the placeholder's default " + defaultValue + " is not the declared "
						+ declared.get(key));
			}
		});
		assertThat(problems).as("settings of this service").isEmpty();
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

	/** The declared settings, each with its default (as text) or {@code null}. */
	private static Map<String, String> metadata(Path file) {
		assertThat(file).as("the configuration processor's metadata (built by the compile phase)").exists();
		Map<String, String> declared = new TreeMap<>();
		for (JsonNode property : JSON.readTree(file.toFile()).path("properties")) {
			JsonNode defaultValue = property.get("defaultValue");
			declared.put(property.path("name").asString(),
					(defaultValue == null || defaultValue.isNull()) ? null : text(defaultValue));
		}
		return declared;
	}

	private static String text(JsonNode value) {
		if (value.isArray()) {
			List<String> elements = new ArrayList<>();
			value.forEach((element) -> elements.add(element.asString()));
			return String.join(",", elements);
		}
		return value.asString();
	}

	private static TreeSet<String> ymlKeys(Path resources) {
		TreeSet<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.list(resources)) {
			for (Path yml : files.filter((f) -> f.getFileName().toString().matches("application.*\\.ya?ml")).toList()) {
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

	/** Each {@code ${chairside...}} placeholder of the sources, with its default ({@code null} when it has none). */
	private static Map<String, String> placeholders(Path sources) {
		Map<String, String> found = new TreeMap<>();
		try (Stream<Path> files = Files.walk(sources)) {
			for (Path source : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
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

}
