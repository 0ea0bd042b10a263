package com.chairside.notification.notification;

import java.util.BitSet;
import java.util.List;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;

/** Several documents in one round trip, each refused alone by a unique index without stopping the others. */
final class Inserts {

	private Inserts() {
	}

	/**
	 * Inserts {@code documents} in one unordered {@code insertMany}; a document that a unique index refuses is skipped
	 * and the rest are stored. Returns the positions of the skipped ones. Any other error is thrown, translated by the
	 * template (a store that cannot be reached is a {@code DataAccessResourceFailureException}, which the event
	 * handlers wait out).
	 */
	static BitSet skippingDuplicates(MongoTemplate mongo, String collection, List<Document> documents) {
		BitSet duplicates = new BitSet(documents.size());
		if (documents.isEmpty()) {
			return duplicates;
		}
		mongo.execute(collection, (store) -> {
			try {
				store.insertMany(documents, new InsertManyOptions().ordered(false));
			}
			catch (MongoBulkWriteException ex) {
				for (BulkWriteError error : ex.getWriteErrors()) {
					if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
						throw ex;
					}
					duplicates.set(error.getIndex());
				}
				if (ex.getWriteConcernError() != null) {
					throw ex;
				}
			}
			return null;
		});
		return duplicates;
	}

}
