package com.chairside.devstack;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A unique index (the {@code _id} index among them) that also serves a query naming its fields and more, such as a
 * conditional write's {@code {_id: x, version: 3}} or {@code {_id: x, worker: w}}: the library's store looks a document
 * up by such an index only when the query names exactly its fields, and otherwise reads the whole collection. The
 * document found by those fields is the only one that can match; the store still checks the rest of the query.
 */
final class UniqueLookup<P> extends Index<P> {

	private final Index<P> unique;

	UniqueLookup(Index<P> unique, List<IndexKey> keys, boolean sparse) {
		super(unique.getName(), keys, sparse);
		this.unique = unique;
	}

	@Override
	public boolean canHandle(Document query) {
		if (this.unique.canHandle(query)) {
			return true;
		}
		Document byTheseFields = byTheseFields(query);
		return byTheseFields != null && this.unique.canHandle(byTheseFields);
	}

	@Override
	public Iterable<P> getPositions(Document query) {
		return this.unique.getPositions(this.unique.canHandle(query) ? query : byTheseFields(query));
	}

	/** The query's conditions on this index's fields alone, or null when it does not name them all. */
	private Document byTheseFields(Document query) {
		Document byTheseFields = new Document();
		for (String key : keys()) {
			if (!query.containsKey(key)) {
				return null;
			}
			byTheseFields.put(key, query.get(key));
		}
		return byTheseFields;
	}

	@Override
	public boolean isUnique() {
		return this.unique.isUnique();
	}

	@Override
	public Document toIndexDescription() {
		return this.unique.toIndexDescription();
	}

	@Override
	public P getPosition(Document document) {
		return this.unique.getPosition(document);
	}

	@Override
	public void checkAdd(Document document, MongoCollection<P> collection) {
		this.unique.checkAdd(document, collection);
	}

	@Override
	public void add(Document document, P position, MongoCollection<P> collection) {
		this.unique.add(document, position, collection);
	}

	@Override
	public P remove(Document document) {
		return this.unique.remove(document);
	}

	@Override
	public long getCount() {
		return this.unique.getCount();
	}

	@Override
	public long getDataSize() {
		return this.unique.getDataSize();
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
		this.unique.checkUpdate(oldDocument, newDocument, collection);
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
			throws KeyConstraintError {
		this.unique.updateInPlace(oldDocument, newDocument, position, collection);
	}

	@Override
	public void drop() {
		this.unique.drop();
	}

}
