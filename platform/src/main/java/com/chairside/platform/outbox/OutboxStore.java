package com.chairside.platform.outbox;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.mongodb.autoconfigure.MongoClientFactory;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;

/**
 * The outbox relay's own store client: built like the service's (the same address, timeouts, command listeners and
 * metrics, from the same customizers) but with a pool of its own of {@value #CONNECTIONS} connections, so that the
 * relay's reads and pulls never wait for a connection behind the service's request threads. Closed with the context,
 * after the relay has stopped.
 */
public final class OutboxStore implements AutoCloseable {

	/** The relay is one thread; the second connection serves a command started while the first is being returned. */
	static final int CONNECTIONS = 2;

	private final MongoClient client;

	private final MongoDatabase database;

	public OutboxStore(MongoClientSettings settings, List<MongoClientSettingsBuilderCustomizer> customizers,
			String database) {
		List<MongoClientSettingsBuilderCustomizer> own = new ArrayList<>(customizers);
		own.add((builder) -> builder.applyToConnectionPoolSettings((pool) -> pool.maxSize(CONNECTIONS).minSize(0)));
		this.client = new MongoClientFactory(own).createMongoClient(settings);
		this.database = this.client.getDatabase(database);
	}

	/** The service's database on this client. */
	public MongoDatabase database() {
		return this.database;
	}

	@Override
	public void close() {
		this.client.close();
	}

}
