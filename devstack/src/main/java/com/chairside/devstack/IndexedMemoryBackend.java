package com.chairside.devstack;

import java.util.Comparator;
import java.util.List;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * The in-memory store, serving non-unique indexes ({@link SecondaryIndex}) instead of ignoring them, unique ones for
 * queries that name more than their fields ({@link UniqueLookup}), and {@code $in} lists by a set
 * ({@link InMatchingCollection}).
 */
final class IndexedMemoryBackend extends MemoryBackend {

	@Override
	public MemoryDatabase openOrCreateDatabase(String databaseName) {
		return new MemoryDatabase(databaseName, getCursorRegistry()) {

			@Override
			protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
				return new InMatchingCollection(this, collectionName, options, getCursorRegistry());
			}

			@Override
			protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
					boolean sparse) {
				return new UniqueLookup<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), keys,
						sparse);
			}

			@Override
			protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
					List<IndexKey> keys, boolean sparse) {
				return new SecondaryIndex<Integer>(indexName, keys, sparse, Comparator.<Integer>naturalOrder());
			}

		};
	}

}
