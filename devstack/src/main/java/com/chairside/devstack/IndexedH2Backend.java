package com.chairside.devstack;

import java.util.List;
import java.util.HashSet;
import java.util.Set;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVStore;

/**
 * The store on an H2 file, serving non-unique indexes ({@link H2SecondaryIndex}, in the file's own maps) instead of
 * ignoring them, and unique ones for queries that name more than their fields ({@link UniqueLookup}).
 */
final class IndexedH2Backend extends H2Backend {

	/**
	 * The secondary indexes' maps opened since the store opened the file. The library makes an index object for every
	 * {@code createIndexes} and keeps it only when the collection has no index of that name; the maps of one that
	 * exists are in use, and only their first opening empties them for the refill. Made on first use: the library's
	 * constructor opens the file's databases before this class's fields are set.
	 */
	private Set<String> opened;

	IndexedH2Backend(MVStore store) {
		super(store);
	}

	/** Whether {@code mapName} is opened for the first time since the store opened the file. */
	private synchronized boolean firstOpening(String mapName) {
		if (this.opened == null) {
			this.opened = new HashSet<>();
		}
		return this.opened.add(mapName);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		MVStore store = getMvStore();
		return new H2Database(databaseName, store, getCursorRegistry()) {

			@Override
			protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
					boolean sparse) {
				return new UniqueLookup<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), keys,
						sparse);
			}

			@Override
			protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
					List<IndexKey> keys, boolean sparse) {
				String collection = databaseName + "." + collectionName;
				// "databases.<database>.<collection>" is where H2Database keeps a collection's documents
				String mapName = collection + "._secondary_" + indexName;
				return new H2SecondaryIndex(store, mapName, store.openMap("databases." + collection),
						firstOpening(mapName), indexName, keys, sparse);
			}

		};
	}

}
