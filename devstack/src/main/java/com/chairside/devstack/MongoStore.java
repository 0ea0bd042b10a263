package com.chairside.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB wire-protocol server: on an H2 file for the devstack, so data survives a restart, or in memory for tests.
 * No MongoDB server can be installed here; the services use only what both this and real MongoDB support. Both serve
 * the services' indexes as a real MongoDB would, where the library alone reads the whole collection for any query but
 * one naming exactly a unique index's fields: in memory ({@link IndexedMemoryBackend}) and on H2
 * ({@link IndexedH2Backend}, the indexes in the file's maps, since the store's process has a small heap).
 */
public final class MongoStore implements AutoCloseable {

	private final MongoServer server;

	private MongoStore(MongoServer server) {
		this.server = server;
	}

	public static MongoStore inMemory() {
		return on(new IndexedMemoryBackend(), 0);
	}

	public static MongoStore onFile(Path file, int port) {
		return on(new IndexedH2Backend(openFile(file)), port);
	}

	/** Serves {@code backend} on {@code port} (0: a free one); the store benchmark compares backends this way. */
	public static MongoStore on(MongoBackend backend, int port) {
		MongoServer server = new MongoServer(backend);
		server.bind("127.0.0.1", port);
		return new MongoStore(server);
	}

	/**
	 * The H2 file with devstack's settings: MVStore's own (16 MB page cache; a background commit every second, or
	 * sooner when unsaved changes pile up). A clean stop commits everything ({@link #close}); a SIGKILL loses the
	 * writes since the last background commit, about the last second. The store benchmark measured a larger cache no
	 * faster at the single-document update, and a longer commit delay would widen what a SIGKILL loses.
	 */
	public static MVStore openFile(Path file) {
		return new MVStore.Builder().fileName(file.toString()).open();
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
