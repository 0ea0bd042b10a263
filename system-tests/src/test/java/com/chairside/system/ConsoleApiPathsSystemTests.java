package com.chairside.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.chairside.testsupport.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API path the console's scripts call exists in the gateway's merged OpenAPI document, read from the running
 * suite: a service that renames or drops an endpoint breaks this build, not the people using the console. The
 * console writes each path as a literal ('/api/...' or a template literal with ${...} for ids), which is what makes
 * them checkable.
 */
class ConsoleApiPathsSystemTests {

	/** A quoted or back-quoted string that starts with /api/. */
	private static final Pattern API_PATH = Pattern.compile("(['\"`])(/api/[^'\"`]*)\\1");

	static Suite suite;

	@BeforeAll
	static void start() {
		suite = Suite.get();
	}

	@Test
	void everyApiPathTheConsoleCallsIsInTheGatewaysApiDocument() throws IOException {
		Api.Response docs = suite.gateway(null).get("/v3/api-docs");
		assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
		JsonNode document = docs.json();
		assertThat(document.path("x-unavailable").isMissingNode() || document.path("x-unavailable").isEmpty())
			.as("every service answered for the merged document: %s", document.path("x-unavailable"))
			.isTrue();
		List<String> documented = new ArrayList<>();
		documented.addAll(document.path("paths").propertyNames());

		Map<String, List<String>> used = consolePaths(suite.root().resolve("console/src/main/resources/static"));
		assertThat(used).as("the console's scripts call the API").isNotEmpty();
		assertThat(documentedAs("/api/no-such-thing/{}", documented)).as("the matcher refuses a path nobody serves")
			.isNull();

		Map<String, List<String>> missing = new TreeMap<>();
		used.forEach((path, files) -> {
			if (documentedAs(path, documented) == null) {
				missing.put(path, files);
			}
		});
		assertThat(missing).as("console API paths (and the scripts using them) the gateway's OpenAPI document lacks")
			.isEmpty();
	}

	/** Each '/api/...' literal in the console's scripts, the query left off and ${...} as one path segment. */
	static Map<String, List<String>> consolePaths(Path staticRoot) throws IOException {
		Map<String, List<String>> paths = new TreeMap<>();
		try (Stream<Path> files = Files.walk(staticRoot)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".js")).toList()) {
				Matcher m = API_PATH.matcher(Files.readString(file));
				while (m.find()) {
					String path = m.group(2).replaceAll("\\$\\{[^}]*}", "{}");
					int query = path.indexOf('?');
					path = (query >= 0) ? path.substring(0, query) : path;
					paths.computeIfAbsent(path, (p) -> new ArrayList<>()).add(staticRoot.relativize(file).toString());
				}
			}
		}
		return paths;
	}

	/** The document's path that serves {@code path} ({} and {name} match any one segment), or null. */
	static String documentedAs(String path, List<String> documented) {
		String[] wanted = path.split("/", -1);
		for (String candidate : documented) {
			String[] have = candidate.split("/", -1);
			if (have.length != wanted.length) {
				continue;
			}
			boolean same = true;
			for (int i = 0; i < have.length && same; i++) {
				boolean variable = have[i].startsWith("{") || wanted[i].equals("{}");
				same = variable ? !wanted[i].isEmpty() : have[i].equals(wanted[i]);
			}
			if (same) {
				return candidate;
			}
		}
		return null;
	}

}
