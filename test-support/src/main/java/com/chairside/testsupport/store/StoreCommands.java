package com.chairside.testsupport.store;

import java.lang.StackWalker.StackFrame;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Every command the services under test send to their store, in this JVM: a MongoDB driver {@link CommandListener}
 * that the test contexts' clients carry ({@code InfrastructureInitializer} adds it). It keeps the indexes each
 * collection was given, the distinct commands not yet checked against them ({@link #unservedSinceLastCheck}, which
 * {@link IndexedQueries} asks after each test class), and hands every command to the {@link Recording}s open at the
 * time (to count what one request or event costs).
 */
public final class StoreCommands implements CommandListener {

	private static final StoreCommands INSTANCE = new StoreCommands();

	private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

	private static final Set<String> WITHOUT_COLLECTION = Set.of("buildInfo", "ping", "hello", "isMaster", "ismaster",
			"endSessions", "getMore", "killCursors", "listDatabases", "dropDatabase", "abortTransaction",
			"commitTransaction", "saslStart", "saslContinue");

	private final DeclaredIndexes indexes = new DeclaredIndexes();

	private final Set<StoreCommand> unchecked = ConcurrentHashMap.newKeySet();

	private final Set<String> reported = ConcurrentHashMap.newKeySet();

	private final List<Recording> recordings = new CopyOnWriteArrayList<>();

	private final Map<Class<?>, Boolean> testClasses = new ConcurrentHashMap<>();

	private StoreCommands() {
	}

	/** The one listener of this JVM. */
	public static StoreCommands get() {
		return INSTANCE;
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		BsonDocument command = event.getCommand();
		String name = event.getCommandName();
		if (name.equals("createIndexes")) {
			this.indexes.created(event.getDatabaseName(), command);
		}
		else if (name.equals("dropIndexes")) {
			this.indexes.dropped(event.getDatabaseName(), command);
		}
		Optional<StackFrame> origin = STACK.walk((frames) -> frames
			.filter((frame) -> frame.getClassName().startsWith("com.chairside.")
					&& !frame.getClassName().startsWith(StoreCommands.class.getPackageName())
					&& !frame.getClassName().contains("$Proxy")) // a repository's proxy: its caller says more
			.findFirst());
		BsonValue target = command.get(name);
		String collection = (!WITHOUT_COLLECTION.contains(name) && target != null && target.isString())
				? target.asString().getValue() : null;
		StoreCommand recorded = new StoreCommand(event.getDatabaseName(), name, collection, filters(name, command),
				sort(name, command), origin.map(StoreCommands::describe).orElse("(driver or framework)"),
				origin.map((frame) -> fromTest(frame.getDeclaringClass())).orElse(false),
				Thread.currentThread().getName(), projection(name, command),
				event.getConnectionDescription().getConnectionId().getServerId().getClusterId().getValue());
		if (recorded.selects() && !recorded.fromTest()) {
			this.unchecked.add(shapeOnly(recorded));
		}
		this.recordings.forEach((recording) -> recording.add(recorded));
	}

	/** The command as far as index use goes: without the thread and the client it went on. */
	private static StoreCommand shapeOnly(StoreCommand command) {
		return new StoreCommand(command.database(), command.name(), command.collection(), command.filters(),
				command.sort(), command.origin(), command.fromTest(), "", command.projection(), "");
	}

	private static List<String> projection(String name, BsonDocument command) {
		return name.equals("find") ? List.copyOf(command.getDocument("projection", new BsonDocument()).keySet())
				: List.of();
	}

	private static List<QueryShape> filters(String name, BsonDocument command) {
		List<QueryShape> filters = new ArrayList<>();
		switch (name) {
			case "find" -> {
				if (!firstFew(command)) {
					filters.add(QueryShape.of(command.getDocument("filter", new BsonDocument())));
				}
			}
			case "findAndModify", "distinct" -> filters.add(QueryShape.of(command.getDocument("query", new BsonDocument())));
			case "count" -> {
				BsonDocument query = command.getDocument("query", new BsonDocument());
				if (!query.isEmpty()) { // a count of all is read from the collection's metadata
					filters.add(QueryShape.of(query));
				}
			}
			case "update" -> statements(command, "updates").forEach((update) -> filters.add(QueryShape.of(update.getDocument("q"))));
			case "delete" -> statements(command, "deletes").forEach((delete) -> filters.add(QueryShape.of(delete.getDocument("q"))));
			case "aggregate" -> {
				BsonArray pipeline = command.getArray("pipeline", new BsonArray());
				BsonDocument first = pipeline.isEmpty() ? new BsonDocument() : pipeline.get(0).asDocument();
				filters.add(QueryShape.of(first.getDocument("$match", new BsonDocument())));
			}
			default -> {
			}
		}
		return filters;
	}

	/** A find of the first few documents in no order (GridFS asks whether a bucket is empty so): it reads only them. */
	private static boolean firstFew(BsonDocument command) {
		return command.getDocument("filter", new BsonDocument()).isEmpty()
				&& command.getDocument("sort", new BsonDocument()).isEmpty() && command.containsKey("limit")
				&& command.get("limit").isNumber() && command.get("limit").asNumber().longValue() > 0
				&& !command.containsKey("skip");
	}

	private static List<BsonDocument> statements(BsonDocument command, String field) {
		return command.getArray(field, new BsonArray()).stream().map(BsonValue::asDocument).toList();
	}

	private static List<String> sort(String name, BsonDocument command) {
		BsonDocument sort = switch (name) {
			case "find", "findAndModify" -> command.getDocument("sort", new BsonDocument());
			case "aggregate" -> {
				BsonArray pipeline = command.getArray("pipeline", new BsonArray());
				int at = (!pipeline.isEmpty() && pipeline.get(0).asDocument().containsKey("$match")) ? 1 : 0;
				yield (pipeline.size() > at) ? pipeline.get(at).asDocument().getDocument("$sort", new BsonDocument())
						: new BsonDocument();
			}
			default -> new BsonDocument();
		};
		List<String> fields = new ArrayList<>();
		sort.forEach((field, direction) -> fields
			.add((direction.isNumber() && direction.asNumber().doubleValue() < 0) ? "-" + field : field));
		return fields;
	}

	private static String describe(StackFrame frame) {
		String type = frame.getClassName();
		return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName();
	}

	/** Whether {@code type} is a test's (compiled to test classes) or test support's. */
	private boolean fromTest(Class<?> type) {
		return this.testClasses.computeIfAbsent(type, (t) -> {
			if (t.getName().startsWith("com.chairside.testsupport.")) {
				return true;
			}
			CodeSource source = t.getProtectionDomain().getCodeSource();
			return source != null && source.getLocation() != null && source.getLocation().getPath().contains("/test-classes/");
		});
	}

	/**
	 * The distinct commands sent by the services (not by tests' own code) since the last call that no declared index
	 * serves, with why, each reported once per JVM; checked now, so that indexes made after a command count.
	 */
	public List<String> unservedSinceLastCheck(ScansAllowed allowed) {
		List<StoreCommand> sent = new ArrayList<>(this.unchecked);
		this.unchecked.removeAll(sent);
		List<String> unserved = new ArrayList<>();
		for (StoreCommand command : sent) {
			String reason = this.indexes.unserved(command);
			if (reason != null && !allowed.allows(command) && this.reported.add(command.toString())) {
				unserved.add(command + "  (" + reason + ")");
			}
		}
		return unserved.stream().distinct().sorted().toList();
	}

	/** Starts handing every command sent from now on to a new recording, until it is closed. */
	public Recording record() {
		Recording recording = new Recording(this.recordings::remove);
		this.recordings.add(recording);
		return recording;
	}

}
