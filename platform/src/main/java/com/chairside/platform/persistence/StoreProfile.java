package com.chairside.platform.persistence;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Which store runs: the kind set with {@code chairside.store.kind}, or else the one {@code buildInfo} names, asked
 * once on first use (a store that cannot be reached then is asked again next time, so a service still starts
 * while its store is away).
 */
public class StoreProfile {

	private static final Logger log = LoggerFactory.getLogger(StoreProfile.class);

	private final MongoTemplate mongo;

	private volatile StoreKind kind;

	/** {@code configured} null: ask the store. */
	public StoreProfile(MongoTemplate mongo, StoreKind configured) {
		this.mongo = mongo;
		this.kind = configured;
	}

	public StoreKind kind() {
		StoreKind known = this.kind;
		if (known == null) {
			Document buildInfo = this.mongo.executeCommand(new Document("buildInfo", 1));
			known = StoreKind.fromBuildInfo(buildInfo);
			log.info("Store: {} {}{}", (known == StoreKind.EMBEDDED) ? "the embedded MongoDB-wire store" : "MongoDB",
					buildInfo.get("version"), (known == StoreKind.EMBEDDED)
							? "; conditional writes take the paths it serves from an index" : "");
			this.kind = known;
		}
		return known;
	}

	public boolean embedded() {
		return kind() == StoreKind.EMBEDDED;
	}

}
