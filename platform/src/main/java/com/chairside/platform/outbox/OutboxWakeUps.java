package com.chairside.platform.outbox;

import java.util.Collection;
import java.util.List;

import org.bson.Document;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/**
 * Wakes the {@link OutboxRelay} after every save or insert through Spring Data (repositories, {@code MongoTemplate},
 * records and classes alike) whose stored document carries pending events, so that they are published at once instead
 * of at the next sweep. An {@link AggregateRoot} saved with only the events it has just staged hands them over with
 * the wake-up, so that the relay publishes them without reading the document back. Writes by update ({@code $push}
 * of {@code pendingEvents}) call {@link OutboxRelay#staged} themselves.
 */
public class OutboxWakeUps extends AbstractMongoEventListener<Object> {

	private final OutboxRelay relay;

	public OutboxWakeUps(OutboxRelay relay) {
		this.relay = relay;
	}

	@Override
	public void onAfterSave(AfterSaveEvent<Object> event) {
		Document document = event.getDocument();
		if (document != null && document.get(OutboxRelay.PENDING) instanceof Collection<?> pending
				&& !pending.isEmpty()) {
			if (event.getSource() instanceof AggregateRoot aggregate && aggregate.takeFreshlyStaged()) {
				this.relay.staged(event.getCollectionName(), document.get("_id"), List.copyOf(pending));
			}
			else {
				this.relay.staged(event.getCollectionName(), document.get("_id"));
			}
		}
	}

}
