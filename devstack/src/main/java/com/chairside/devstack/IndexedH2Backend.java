package com.chairside.devstack;

import java.util.List;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVStore;

/**
 * The store on an H2 file, serving non-unique indexes ({@link SecondaryIndex}) instead of ignoring them, and unique ones
 * for queries that name more than their fields ({@link UniqueLookup}). The non-unique indexes live in memory only:
 * the store rebuilds each from its collection when it opens the file again.
 */
final class IndexedH2Backend extends H2Backend {

	IndexedH2Backend(MVStore store) {
		super(store);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {

			@Override
			protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
					boolean sparse) {
				return new UniqueLookup<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), keys,
						sparse);
			}

			@Override
			protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
					List<IndexKey> keys, boolean sparse) {
				return new SecondaryIndex<>(indexName, keys, sparse, null);
			}

		};
	}

}
