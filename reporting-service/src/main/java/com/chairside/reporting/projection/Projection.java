package com.chairside.reporting.projection;

import com.chairside.platform.inbox.IncomingEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * One projection: the documents one topic's events build in one collection, one document per aggregate (or per
 * activity, demo, target...). Every write is conditional on the event's {@code ce_sequence} being newer than the one
 * the document holds, so a projection only ever combines documents when it is read: out-of-order arrival across
 * aggregates changes nothing, and a rebuild from the topics produces the same documents as the live consumer.
 */
public interface Projection {

	/** The name an admin rebuilds it by, e.g. {@code orders}. */
	String name();

	/** The topic it is built from. */
	String topic();

	/** The collection of the first live copy; rebuilt copies take this name with the rebuild's id. */
	String collection();

	/** The document type, for mapping updates and reading the collection. */
	Class<?> document();

	/**
	 * What the event changes in this projection, or {@code null} when it counts in nothing here.
	 * @throws com.chairside.platform.inbox.PoisonMessageException when the event lacks what this projection needs
	 */
	ProjectionWrite writeFor(IncomingEvent event, JsonMapper json);

}
