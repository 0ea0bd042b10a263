package com.chairside.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published language in {@code contracts/events}: producers check what they publish against the JSON Schema of
 * its {@code ce_type}; consumers read the example of it.
 */
public final class Contracts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Draft 2020-12, with {@code format} asserted: a {@code date-time} that is no date-time is a violation. */
	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(registry) -> registry
				.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

	private Contracts() {
	}

	public static Path folder() {
		String configured = System.getProperty("chairside.contracts");
		if (configured != null && Files.isDirectory(Path.of(configured))) {
			return Path.of(configured);
		}
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			if (Files.isDirectory(dir.resolve("contracts/events"))) {
				return dir.resolve("contracts");
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("No contracts/ folder above " + Path.of("").toAbsolutePath());
	}

	/** The example payload of {@code ceType}, as published JSON. */
	public static String example(String ceType) {
		return read(folder().resolve("events/" + ceType + ".example.json"));
	}

	/**
	 * The example of {@code ceType} with top-level fields replaced ({@code "orderId", id, "region", "WEST"}), so that
	 * tests publishing it do not see each other's aggregates.
	 */
	public static String example(String ceType, String... fieldsAndValues) {
		ObjectNode example = (ObjectNode) JSON.readTree(example(ceType));
		for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
			example.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
		}
		return JSON.writeValueAsString(example);
	}

	/**
	 * The violations of {@code payload} against the schema of {@code ceType}, each naming where it is
	 * ({@code /changedAt: does not match the date-time pattern ...}); empty when it conforms.
	 */
	public static Set<String> violations(String ceType, String payload) {
		Schema schema = SCHEMAS.getSchema(JSON.readTree(read(folder().resolve("events/" + ceType + ".schema.json"))));
		return schema.validate(JSON.readTree(payload)).stream().map(Object::toString).collect(Collectors.toSet());
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing contract file " + file, ex);
		}
	}

}
