package com.chairside.testsupport.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The read-side queries of a service that may read a whole collection (a report over everything, a search by any
 * words), listed in its test resource {@value #RESOURCE}: one {@code Class.method} a line that sends them, with
 * {@code #} and why. No write or event path belongs there. A service without the list has not been brought under the
 * check yet: what it would fail is printed instead.
 */
public record ScansAllowed(boolean listed, Set<String> origins) {

	public static final String RESOURCE = "store-scans-allowed.txt";

	public static ScansAllowed fromClasspath() {
		try (InputStream in = ScansAllowed.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				return new ScansAllowed(false, Set.of());
			}
			return new ScansAllowed(true, Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
				.map((line) -> line.replaceFirst("#.*", "").strip())
				.filter((line) -> !line.isEmpty())
				.collect(Collectors.toUnmodifiableSet()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	boolean allows(StoreCommand command) {
		return this.origins.contains(command.origin());
	}

}
