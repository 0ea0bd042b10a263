package com.chairside.platform.outbox;

import java.util.Collection;

import org.bson.Document;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/**
 * Wakes the {@link OutboxRelay} after every save or insert through Spring Data (repositories, {@code MongoTemplate},
 * records and classes alike) whose stored document carries pending events, so that they are published at once instead
 * of at the next sweep. Writes by update ({@code $push} of {@code pendingEvents}) call {@link OutboxRelay#staged}
 * themselves.
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
			this.relay.staged(event.getCollectionName(), document.get("_id"));
		}
	}

}
