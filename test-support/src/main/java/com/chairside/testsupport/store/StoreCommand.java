package com.chairside.testsupport.store;

import java.util.List;

/**
 * One command a service sent to its store, as far as index use goes: which command on which collection, the shape of
 * each filter it carries (fields and operators, no values) and its sort, and the code that sent it.
 *
 * @param database the database (each test context has its own)
 * @param name the command's name ({@code find}, {@code update}, {@code findAndModify}, {@code aggregate}...)
 * @param collection the collection, or null for a command on none ({@code buildInfo}, {@code ping})
 * @param filters the shape of each filter: one for most commands, one per statement of a bulk {@code update} or
 * {@code delete}; none for commands that do not select documents ({@code insert}, {@code createIndexes})
 * @param sort the sort's fields, {@code -} before a descending one
 * @param origin the service's (or platform's) method that sent it, {@code Class.method}
 * @param fromTest whether a test's own code sent it (a check or a set-up, not a path of the service)
 * @param thread the thread it was sent on
 * @param projection the fields a {@code find} asks for, empty when it asks for whole documents
 * @param client the store client it went through (its cluster id): each client has a connection pool of its own
 */
public record StoreCommand(String database, String name, String collection, List<QueryShape> filters,
		List<String> sort, String origin, boolean fromTest, String thread, List<String> projection, String client) {

	/** Whether it selects documents by a filter, so that an index should serve it. */
	public boolean selects() {
		return !this.filters.isEmpty();
	}

	@Override
	public String toString() {
		String shapes = this.filters.isEmpty() ? "" : " " + String.join(" ", this.filters.stream().map(String::valueOf).toList());
		String sorted = this.sort.isEmpty() ? "" : " sort " + this.sort;
		String projected = this.projection.isEmpty() ? "" : " projecting " + this.projection;
		return this.name + ((this.collection != null) ? " " + this.collection : "") + shapes + sorted + projected
				+ "  <- " + this.origin;
	}

}
