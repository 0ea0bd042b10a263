package com.chairside.platform.persistence;

import org.bson.Document;

/** Which store answers: MongoDB itself, or the embedded default's MongoDB-wire server. */
public enum StoreKind {

	/** MongoDB (a standalone server, a replica set or a sharded cluster behind mongos). */
	MONGODB,

	/** The embedded default's store: mongo-java-server. */
	EMBEDDED;

	/**
	 * The kind that gave this {@code buildInfo} answer: MongoDB always names the commit it was built from
	 * ({@code gitVersion}); the embedded store answers only its version numbers and document size.
	 */
	public static StoreKind fromBuildInfo(Document buildInfo) {
		return buildInfo.containsKey("gitVersion") ? MONGODB : EMBEDDED;
	}

}
