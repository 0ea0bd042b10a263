package com.chairside.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build picks tests by the end of their class name: surefire runs {@code *UnitTests} in {@code ./mvnw test},
 * failsafe runs {@code *IntegrationTests} and {@code *SystemTests} in {@code verify}. A test class named any other way
 * would never run, and a "unit" test that starts Spring or the suite would slow the fast loop, so both are refused
 * here for every module at once.
 */
class TestKindsUnitTests {

	private static final Pattern TEST_METHOD = Pattern.compile("@(Test|ParameterizedTest|TestFactory|RepeatedTest)\\b");

	private static final Pattern KIND = Pattern.compile(".*(UnitTests|IntegrationTests|SystemTests)\\.java");

	/** What only an integration or system test may start: a Spring context, the embedded store, the whole suite. */
	private static final Pattern BOUNDARY = Pattern
		.compile("@SpringBootTest|@ServiceIntegrationTest|Suite\\.get\\(\\)|MongoStore\\.inMemory|new ChromeDriver");

	private final Path root = Contracts.folder().getParent();

	@Test
	void everyClassWithTestsIsNamedByItsKind() throws IOException {
		List<String> unnamed = testSources().filter((file) -> contains(file, TEST_METHOD))
			.filter((file) -> !KIND.matcher(file.getFileName().toString()).matches())
			.map(this::relative)
			.toList();
		assertThat(unnamed).as("test classes that neither surefire nor failsafe would run").isEmpty();
	}

	@Test
	void unitTestsStartNoContextStoreOrSuite() throws IOException {
		List<String> heavy = testSources().filter((file) -> file.getFileName().toString().endsWith("UnitTests.java"))
			.filter((file) -> !file.getFileName().toString().equals(TestKindsUnitTests.class.getSimpleName() + ".java"))
			.filter((file) -> contains(file, BOUNDARY))
			.map(this::relative)
			.toList();
		assertThat(heavy).as("unit tests that cross a boundary: name them *IntegrationTests").isEmpty();
	}

	@Test
	void theCheckSeesTheWholeTree() throws IOException {
		assertThat(testSources().map(this::relative))
			.anyMatch((path) -> path.startsWith("system-tests/"))
			.anyMatch((path) -> path.startsWith("lead-service/"))
			.anyMatch((path) -> path.equals("test-support/src/test/java/com/chairside/testsupport/TestKindsUnitTests.java"));
	}

	/** Every module's test sources: the folders one level down that have {@code src/test/java}. */
	private Stream<Path> testSources() throws IOException {
		List<Path> modules;
		try (Stream<Path> children = Files.list(this.root)) {
			modules = children.map((module) -> module.resolve("src/test/java")).filter(Files::isDirectory).toList();
		}
		List<Path> sources = new ArrayList<>();
		for (Path tests : modules) {
			try (Stream<Path> files = Files.walk(tests)) {
				files.filter((path) -> path.toString().endsWith(".java")).forEach(sources::add);
			}
		}
		return sources.stream();
	}

	private String relative(Path path) {
		return this.root.relativize(path).toString().replace('\\', '/');
	}

	private static boolean contains(Path file, Pattern pattern) {
		try {
			return pattern.matcher(Files.readString(file)).find();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
