package com.chairside.devstack;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The in-memory store's collection, matching {@code {field: {$in: [values]}}} against a set of the values: the
 * library compares each document with every listed value in turn, so loading a batch of documents by their ids (the
 * outbox relay loads hundreds at once) costs the square of the batch. Other queries match as the library matches them.
 */
final class InMatchingCollection extends MemoryCollection {

	/** The last {@code $in} query seen and its values, reused while the store matches its documents one by one. */
	private volatile InList last;

	InMatchingCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
		super(database, name, options, cursors);
	}

	@Override
	protected boolean documentMatchesQuery(Document document, Document query) {
		InList in = this.last;
		if (in == null || in.query != query) {
			in = InList.of(query);
			if (in == null) {
				return super.documentMatchesQuery(document, query);
			}
			this.last = in;
		}
		Object value = document.get(in.field());
		if (value instanceof List<?> elements && elements.stream().anyMatch((element) -> element instanceof Collection || element instanceof Document)) {
			return super.documentMatchesQuery(document, query); // arrays in arrays: left to the library's reading
		}
		return in.matches(value);
	}

	/** A query that is one top-level field in a list of plain values. */
	private record InList(Document query, String field, Set<Object> keys) {

		static InList of(Document query) {
			if (query.size() != 1) {
				return null;
			}
			String field = query.keySet().iterator().next();
			if (field.startsWith("$") || field.contains(".") || !(query.get(field) instanceof Document operator)
					|| operator.size() != 1 || !(operator.get("$in") instanceof Collection<?> values)
					|| !values.stream().allMatch(SecondaryIndex::scalar)) {
				return null;
			}
			return new InList(query, field, values.stream().map(SecondaryIndex::key).collect(Collectors.toSet()));
		}

		/** As MongoDB matches it: the field's value, or one element of it when it is an array, is in the list. */
		boolean matches(Object value) {
			if (value instanceof List<?> elements) {
				return elements.stream().anyMatch((element) -> SecondaryIndex.scalar(element) && this.keys.contains(SecondaryIndex.key(element)));
			}
			return SecondaryIndex.scalar(value) && this.keys.contains(SecondaryIndex.key(value));
		}

	}

}
