package com.chairside.testsupport.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The store commands sent while it was open ({@link StoreCommands#record()}), on any thread and by any test context
 * of the JVM; {@link #sentBy} narrows them to one database and to the services' own code.
 */
public final class Recording implements AutoCloseable {

	private final List<StoreCommand> commands = new CopyOnWriteArrayList<>();

	private final Consumer<Recording> closing;

	Recording(Consumer<Recording> closing) {
		this.closing = closing;
	}

	void add(StoreCommand command) {
		this.commands.add(command);
	}

	/** Every command recorded so far. */
	public List<StoreCommand> commands() {
		return List.copyOf(this.commands);
	}

	/** The commands the service sent (not tests' own code) to {@code database}, on threads {@code threads} accepts. */
	public List<StoreCommand> sentBy(String database, Predicate<String> threads) {
		return this.commands.stream()
			.filter((command) -> !command.fromTest() && command.database().equals(database)
					&& threads.test(command.thread()))
			.toList();
	}

	/** The commands the service sent to {@code database} on the thread that served an HTTP request. */
	public List<StoreCommand> servingRequests(String database) {
		return sentBy(database, (thread) -> thread.startsWith("http-"));
	}

	/** The commands the service sent to {@code database} on a Kafka consumer's thread. */
	public List<StoreCommand> consumingEvents(String database) {
		return sentBy(database, (thread) -> thread.contains("-C-"));
	}

	/** One numbered line a command, with the thread it went on, to print what a request or event cost. */
	public static String lines(List<StoreCommand> commands) {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < commands.size(); i++) {
			lines.append(String.format("%2d. %s  [%s]%n", i + 1, commands.get(i), commands.get(i).thread()));
		}
		return lines.toString();
	}

	@Override
	public void close() {
		this.closing.accept(this);
	}

}
