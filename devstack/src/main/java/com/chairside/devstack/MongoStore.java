package com.chairside.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB wire-protocol server: on an H2 file for the devstack, so data survives a restart, or in memory for tests.
 * No MongoDB server can be installed here; the services use only what both this and real MongoDB support.
 */
public final class MongoStore implements AutoCloseable {

	private final MongoServer server;

	private MongoStore(MongoServer server) {
		this.server = server;
	}

	public static MongoStore inMemory() {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", 0);
		return new MongoStore(server);
	}

	public static MongoStore onFile(Path file, int port) {
		MongoServer server = new MongoServer(new H2Backend(file.toString()));
		server.bind("127.0.0.1", port);
		return new MongoStore(server);
	}

	/** {@code mongodb://127.0.0.1:<port>} */
	public String connectionString() {
		return "mongodb://127.0.0.1:" + this.server.getLocalAddress().getPort();
	}

	@Override
	public void close() {
		this.server.shutdown();
	}

	/** {@code MongoStore <data folder> [port]}: serves until stopped; a clean stop flushes the H2 file. */
	public static void main(String[] args) throws Exception {
		Path folder = Path.of(args.length > 0 ? args[0] : ".chairside/mongodb");
		int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
		Files.createDirectories(folder);
		MongoStore store = onFile(folder.resolve("chairside.mv"), port);
		Runtime.getRuntime().addShutdownHook(new Thread(store::close, "mongo-store-shutdown"));
		System.out.println("MongoDB-wire store listening on " + store.connectionString() + ", data in " + folder);
		Thread.currentThread().join();
	}

}
