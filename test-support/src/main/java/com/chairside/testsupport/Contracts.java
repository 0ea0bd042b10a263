package com.chairside.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The published language in {@code contracts/events}: producers check what they publish against the JSON Schema of
 * its {@code ce_type}; consumers read the example of it.
 */
public final class Contracts {

	private static final ObjectMapper JSON = new ObjectMapper();

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
		try {
			com.fasterxml.jackson.databind.node.ObjectNode example = (com.fasterxml.jackson.databind.node.ObjectNode) JSON
				.readTree(example(ceType));
			for (int i = 0; i + 1 < fieldsAndValues.length; i += 2) {
				example.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
			}
			return JSON.writeValueAsString(example);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The violations of {@code payload} against the schema of {@code ceType}; empty when it conforms. */
	public static Set<String> violations(String ceType, String payload) {
		try {
			SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
			JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
				.getSchema(JSON.readTree(read(folder().resolve("events/" + ceType + ".schema.json"))), config);
			JsonNode node = JSON.readTree(payload);
			return schema.validate(node).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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
