package com.chairside.platform.persistence;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import org.springframework.data.mongodb.core.MongoTemplate;

import com.chairside.testsupport.Infrastructure;

/**
 * A database of its own on the test store, reached over the wire by a client that records the commands it sends, so
 * that a test can say what a write cost on the wire.
 */
final class Stores implements AutoCloseable {

	private final MongoClient client;

	private final List<CommandStartedEvent> commands = new CopyOnWriteArrayList<>();

	final MongoTemplate mongo;

	Stores() {
		this(Infrastructure.get().mongoUri("persistence-" + UUID.randomUUID().toString().substring(0, 8)));
	}

	Stores(String uri) {
		ConnectionString connection = new ConnectionString(uri);
		this.client = MongoClients.create(MongoClientSettings.builder()
			.applyConnectionString(connection)
			.addCommandListener(new CommandListener() {
				@Override
				public void commandStarted(CommandStartedEvent event) {
					Stores.this.commands.add(event);
				}
			})
			.build());
		this.mongo = new MongoTemplate(this.client, connection.getDatabase());
	}

	/** The names of the commands sent since the last call ({@code find}, {@code update}, {@code createIndexes}...). */
	List<String> commandsSent() {
		List<String> sent = this.commands.stream().map(CommandStartedEvent::getCommandName).toList();
		this.commands.clear();
		return sent;
	}

	/** The conditional writes of a store taken to be of {@code kind}. */
	ConditionalWrites writes(StoreKind kind) {
		return new ConditionalWrites(this.mongo, new StoreProfile(this.mongo, kind));
	}

	@Override
	public void close() {
		this.client.close();
	}

}
