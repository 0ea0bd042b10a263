package com.chairside.platform.persistence;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes to one document conditional on one more field besides {@code _id}: compare-and-set on a field
 * ({@link #updateIf}, {@link #removeIf}) and the sequence guard of an event-fed document ({@link #ifNewer}). Each
 * makes its filter cheap on the store that runs (see the package's description).
 */
public class ConditionalWrites {

	/** The field that holds the sequence of the newest event a document has applied. */
	public static final String SEQUENCE = "sequence";

	private static final Logger log = LoggerFactory.getLogger(ConditionalWrites.class);

	private final MongoTemplate mongo;

	private final StoreProfile store;

	private final Set<String> prepared = ConcurrentHashMap.newKeySet();

	public ConditionalWrites(MongoTemplate mongo, StoreProfile store) {
		this.mongo = mongo;
		this.store = store;
	}

	/**
	 * Makes filters of exactly {@code {_id, field}} on the collection cheap, once per process: on the embedded store
	 * a unique index on them (no constraint beyond the {@code _id}'s); on MongoDB nothing, and such an index left from
	 * before is dropped, since the {@code _id} index serves the filter. Preparations run one at a time and a caller
	 * returns only once its collection is prepared: the embedded store must not take a write to a collection while an
	 * index of that collection is being made (its index list is not guarded against that).
	 */
	public void prepare(String collection, String field) {
		String key = collection + "\u0000" + field;
		if (this.prepared.contains(key)) {
			return;
		}
		synchronized (this.prepared) {
			if (this.prepared.contains(key)) {
				return;
			}
			if (this.store.embedded()) {
				this.mongo.indexOps(collection)
					.createIndex(new Index().on("_id", Sort.Direction.ASC).on(field, Sort.Direction.ASC).unique()
						.named(indexName(field)));
			}
			else {
				dropIdPairIndexes(collection, field);
			}
			this.prepared.add(key); // not before: a store away when asked leaves the next write to prepare again
		}
	}

	private void dropIdPairIndexes(String collection, String field) {
		for (IndexInfo index : this.mongo.indexOps(collection).getIndexInfo()) {
			if (index.isUnique() && index.getIndexFields().size() == 2 && index.isIndexForFields(Set.of("_id", field))) {
				this.mongo.indexOps(collection).dropIndex(index.getName());
				log.info("Dropped index {} of {}: MongoDB serves {_id, {}} from the _id index", index.getName(),
						collection, field);
			}
		}
	}

	static String indexName(String field) {
		return "id_" + field;
	}

	/** Applies {@code update} to document {@code id} of {@code type} if its {@code field} holds {@code expected}. */
	public boolean updateIf(Class<?> type, Object id, String field, Object expected, Update update) {
		prepare(this.mongo.getCollectionName(type), field);
		return this.mongo.updateFirst(held(id, field, expected), update, type).getMatchedCount() == 1;
	}

	/** {@link #updateIf(Class, Object, String, Object, Update)} on a collection of plain documents. */
	public boolean updateIf(String collection, Object id, String field, Object expected, Update update) {
		prepare(collection, field);
		return this.mongo.updateFirst(held(id, field, expected), update, collection).getMatchedCount() == 1;
	}

	/**
	 * Applies {@code update} to document {@code id} of {@code type} if its {@code field} holds {@code expected}; the
	 * document as written, or null when it did not hold that value (or is not there).
	 */
	public <T> T updateIfAndGet(Class<T> type, Object id, String field, Object expected, Update update) {
		prepare(this.mongo.getCollectionName(type), field);
		return this.mongo.findAndModify(held(id, field, expected), update, FindAndModifyOptions.options().returnNew(true),
				type);
	}

	/** Removes document {@code id} of {@code collection} if its {@code field} holds {@code expected}. */
	public boolean removeIf(String collection, Object id, String field, Object expected) {
		prepare(collection, field);
		return this.mongo.remove(held(id, field, expected), collection).getDeletedCount() == 1;
	}

	/**
	 * A write to document {@code id} of {@code type}'s collection applied only when {@code sequence} is newer than
	 * the {@value #SEQUENCE} it holds; say what happens when there is no such document, then apply it.
	 */
	public <T> SequencedWrite<T> ifNewer(Class<T> type, Object id, long sequence) {
		return ifNewer(type, this.mongo.getCollectionName(type), id, sequence);
	}

	/** {@link #ifNewer(Class, Object, long)} on a collection named here (e.g. a projection's rebuilt copy). */
	public <T> SequencedWrite<T> ifNewer(Class<T> type, String collection, Object id, long sequence) {
		return new SequencedWrite<>(this, type, collection, id, sequence, SequencedWrite.Absent.SKIP, null, false);
	}

	<T> SequencedWrite.Outcome<T> apply(SequencedWrite<T> write, Update update, boolean withBefore) {
		return this.store.embedded() ? new ReadAndCompare<>(this.mongo, write, update).apply()
				: new Atomically<>(this.mongo, write, update, withBefore).apply();
	}

	void prepareSequence(String collection) {
		prepare(collection, SEQUENCE);
	}

	static Query held(Object id, String field, Object expected) {
		return Query.query(Criteria.where("_id").is(id).and(field).is(expected));
	}

	/** The sequence a stored document holds; one without any holds the greatest, so that no event applies to it. */
	static long heldSequence(Document document) {
		return (document.get(SEQUENCE) instanceof Number n) ? n.longValue() : Long.MAX_VALUE;
	}

}
