package com.chairside.platform.persistence;

import java.util.BitSet;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Claims by unique key: a document whose {@code _id} (or another unique key) is the thing claimed is inserted, and
 * the first insert wins; whoever comes second is told, on any replica, without a read before. The same on every
 * store.
 */
public final class Claims {

	private Claims() {
	}

	/** Inserts {@code document} into its type's collection; false when its unique key was claimed before. */
	public static boolean claim(MongoTemplate mongo, Object document) {
		try {
			mongo.insert(document);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Inserts {@code document} into {@code collection}; false when its unique key was claimed before. */
	public static boolean claim(MongoTemplate mongo, Object document, String collection) {
		try {
			mongo.insert(document, collection);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Inserts {@code documents} in one unordered {@code insertMany}; a document that a unique index refuses is left
	 * out and the rest are stored. Returns the positions of those left out. Any other error is thrown, translated by
	 * the template (a store that cannot be reached is a {@code DataAccessResourceFailureException}).
	 */
	public static BitSet claimAll(MongoTemplate mongo, String collection, List<Document> documents) {
		BitSet taken = new BitSet(documents.size());
		if (documents.isEmpty()) {
			return taken;
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
					taken.set(error.getIndex());
				}
				if (ex.getWriteConcernError() != null) {
					throw ex;
				}
			}
			return null;
		});
		return taken;
	}

}
