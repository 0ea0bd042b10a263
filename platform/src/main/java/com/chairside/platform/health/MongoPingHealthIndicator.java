package com.chairside.platform.health;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Checks the store with {@code ping}, which real MongoDB and the embedded MongoDB-wire server both answer; Boot's own
 * check sends {@code hello}, which the embedded server does not know, and would report DOWN.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	public MongoPingHealthIndicator(MongoTemplate mongo) {
		super("MongoDB ping failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		this.mongo.executeCommand(new Document("ping", 1));
		builder.up().withDetail("database", this.mongo.getDb().getName());
	}

}
