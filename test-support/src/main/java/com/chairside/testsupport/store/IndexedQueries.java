package com.chairside.testsupport.store;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails a test class when, while it ran, a service sent its store a filter (or sort) that none of the indexes it
 * declared serves on MongoDB's terms, so that a real MongoDB would read the whole collection (or sort in memory). The
 * services' test contexts are shared and keep working between classes (relays, schedules), so a command is reported
 * by the class during which it was first seen. Read-side scans a service allows are listed in its
 * {@link ScansAllowed}; a service without that list is only told.
 */
public class IndexedQueries implements AfterAllCallback {

	@Override
	public void afterAll(ExtensionContext context) {
		ScansAllowed allowed = ScansAllowed.fromClasspath();
		List<String> unserved = StoreCommands.get().unservedSinceLastCheck(allowed);
		if (!allowed.listed()) {
			unserved.forEach((command) -> System.err.println("Store command no declared index serves: " + command));
			return;
		}
		assertThat(unserved).as("Store commands no declared index serves (add the index, or list a read-side scan in "
				+ ScansAllowed.RESOURCE + ")").isEmpty();
	}

}
