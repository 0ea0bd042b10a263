package com.chairside.devstack;

import java.util.List;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVStore;

/**
 * The store on an H2 file, serving non-unique indexes ({@link H2SecondaryIndex}, in the file's own maps) instead of
 * ignoring them, and unique ones keyed as text ({@link H2UniqueIndex}) for queries that name more than their fields
 * too ({@link UniqueLookup}).
 */
final class IndexedH2Backend extends H2Backend {

	IndexedH2Backend(MVStore store) {
		super(store);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		MVStore store = getMvStore();
		return new H2Database(databaseName, store, getCursorRegistry()) {

			@Override
			protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
					boolean sparse) {
				String collection = databaseName + "." + collectionName;
				// "<database>.<collection>._index_<index>" is where H2Database keeps its own unique index's map
				return new UniqueLookup<>(new H2UniqueIndex(store, collection + "._unique_" + indexName,
						collection + "._index_" + indexName, indexName, keys, sparse), keys, sparse);
			}

			@Override
			protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
					List<IndexKey> keys, boolean sparse) {
				String collection = databaseName + "." + collectionName;
				// "databases.<database>.<collection>" is where H2Database keeps a collection's documents
				return new H2SecondaryIndex(store, collection + "._secondary_" + indexName,
						store.openMap("databases." + collection), indexName, keys, sparse);
			}

		};
	}

}
