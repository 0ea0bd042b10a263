package com.chairside.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console benchmark's first screen against the console's files as they are now: the files it finds are all the
 * page loads, and the API calls it makes are those of the screen an account manager lands on. Without these, a change
 * to the console would leave the benchmark measuring a screen that no longer exists.
 */
class FirstScreenUnitTests {

	private static final Path STATIC = Path.of(System.getProperty("chairside.root", ".."))
		.resolve("console/src/main/resources/static")
		.toAbsolutePath()
		.normalize();

	private static final URI ROOT = URI.create("http://console/");

	@Test
	void everyModuleThePageAndTheLandingScreenImportIsFetched() throws IOException {
		String page = read(ROOT);
		assertThat(FirstScreen.found(FirstScreen.STYLESHEET, page)).isNotEmpty()
			.allSatisfy((href) -> assertThat(Files.exists(file(ROOT.resolve(href)))).as(href).isTrue());
		List<String> scripts = FirstScreen.found(FirstScreen.SCRIPT, page);
		assertThat(scripts).hasSize(count(Pattern.compile("<script"), page));
		Set<URI> modules = new LinkedHashSet<>();
		Deque<URI> next = new ArrayDeque<>();
		scripts.forEach((src) -> next.add(ROOT.resolve(src)));
		next.add(ROOT.resolve(FirstScreen.LANDING));
		while (!next.isEmpty()) {
			URI module = next.poll();
			if (!modules.add(module)) {
				continue;
			}
			String source = read(module);
			List<String> imports = FirstScreen.found(FirstScreen.IMPORT, source);
			// every static import statement is read, whatever it imports
			assertThat(imports).as(module.getPath()).hasSize(count(Pattern.compile("^import\\s", Pattern.MULTILINE), source));
			imports.forEach((specifier) -> next.add(module.resolve(specifier)));
		}
		assertThat(modules).extracting(URI::getPath)
			.contains("/console/app.js", "/console/api.js", "/console/ui.js", "/console/records.js");
	}

	@Test
	void theCallsAreThoseOfTheScreenAnAccountManagerLandsOn() throws IOException {
		String app = Files.readString(STATIC.resolve("console/app.js"));
		assertThat(app).containsPattern("ACCOUNT_MANAGER: \\[\\['#/my-day'")
			.contains("['/my-day', 'my-day']")
			.contains("await get('/api/me')");
		String myDay = read(ROOT.resolve(FirstScreen.LANDING));
		Matcher gets = Pattern.compile("\\bget\\(\\s*['`](/api/[^'`?$]+)").matcher(myDay);
		Set<String> paths = new LinkedHashSet<>();
		while (gets.find()) {
			paths.add(gets.group(1));
		}
		assertThat(paths).containsExactlyInAnyOrderElementsOf(FirstScreen.MY_DAY);
	}

	@Test
	void theWeeksDemosAreOneCallWithTheScreensParameters() throws IOException {
		String myDay = read(ROOT.resolve(FirstScreen.LANDING));
		List<String> calls = FirstScreen.found(Pattern.compile("\\bget\\(\\s*'/api/demos',\\s*\\{([^}]*)\\}"), myDay);
		assertThat(calls).as("one call for the week's demos, its query an object literal").hasSize(1);
		Set<String> screen = new LinkedHashSet<>(FirstScreen.found(Pattern.compile("(\\w+):"), calls.get(0)));
		assertThat(FirstScreen.found(Pattern.compile("owner: '(\\w+)'"), calls.get(0))).containsExactly("me");
		String query = FirstScreen.demosThisWeek(LocalDate.of(2026, 12, 7), ZoneId.of("Europe/Berlin"));
		assertThat(FirstScreen.found(Pattern.compile("(?:^|&)(\\w+)="), query)).containsExactlyElementsOf(screen);
		assertThat(query).isEqualTo("owner=me&from=2026-12-06T23:00:00Z&until=2026-12-13T23:00:00Z");
	}

	private static String read(URI address) throws IOException {
		return Files.readString(file(address));
	}

	private static Path file(URI address) {
		String path = address.getPath();
		return STATIC.resolve(path.equals("/") ? "index.html" : path.substring(1));
	}

	private static int count(Pattern pattern, String text) {
		return (int) pattern.matcher(text).results().count();
	}

}
