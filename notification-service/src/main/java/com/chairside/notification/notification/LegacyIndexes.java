package com.chairside.notification.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.stereotype.Component;

/**
 * Drops the unique index of (event, department, channel) that stores from before people were told: it would refuse a
 * second person told of one event (a channel conflict tells both owners). The new key also has {@code person}.
 */
@Component
class LegacyIndexes {

	private static final Logger log = LoggerFactory.getLogger(LegacyIndexes.class);

	LegacyIndexes(MongoTemplate mongo) {
		for (IndexInfo index : mongo.indexOps(Notification.class).getIndexInfo()) {
			if (index.getName().equals("once_per_recipient")) {
				mongo.indexOps(Notification.class).dropIndex(index.getName());
				log.info("Dropped the old unique index once_per_recipient of notifications");
			}
		}
	}

}
