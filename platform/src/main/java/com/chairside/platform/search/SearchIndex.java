package com.chairside.platform.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The search terms of one collection: written into each document as it is saved ({@link Source#withTerms}, from
 * the service's {@code BeforeSaveCallback}, which must not depend on the {@code MongoTemplate}), given at start-up to the documents stored before ({@link #prepare}), and
 * queried with the caller's scope ({@link #search}). What the terms are and how a hit is named is the service's
 * {@link Source}; the scope (e.g. the account manager's region) is always part of the query.
 */
public final class SearchIndex {

	/** Documents read and scored per search at most; the best of them are answered. */
	public static final int CANDIDATES = 500;

	private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

	private final MongoTemplate mongo;

	private final Source source;

	public SearchIndex(MongoTemplate mongo, Source source) {
		this.mongo = mongo;
		this.source = source;
	}

	/**
	 * Creates the index on the terms and gives every document without terms its own. Each is written with a filter
	 * of its {@code _id} and version, so a document saved meanwhile keeps the terms its save wrote. Answers how many
	 * documents got terms.
	 */
	public long prepare() {
		String collection = this.source.collection();
		this.mongo.indexOps(collection).createIndex(new Index(SearchTerms.FIELD, Sort.Direction.ASC).named("search_terms"));
		Query missing = Query.query(Criteria.where(SearchTerms.FIELD).exists(false));
		long done = 0;
		try (Stream<Document> documents = this.mongo.stream(missing, Document.class, collection)) {
			for (Document document : (Iterable<Document>) documents::iterator) {
				String version = this.source.versionField();
				Query same = Query.query(Criteria.where("_id").is(document.get("_id")).and(version).is(document.get(version)));
				done += this.mongo.updateFirst(same,
						Update.update(SearchTerms.FIELD, this.source.termsOf(document).terms()), collection)
					.getModifiedCount();
			}
		}
		if (done > 0) {
			log.info("Search terms written for {} stored documents of {}", done, collection);
		}
		return done;
	}

	/** The best {@code size} hits among the documents in {@code scope} matching every word of the query. */
	public List<SearchHit> search(SearchQuery query, Criteria scope, int size) {
		return best(score(candidates(query, scope), query), size);
	}

	/** Documents in the scope matching every word, at most {@link #CANDIDATES}, with the fields the source names. */
	public List<Document> candidates(SearchQuery query, Criteria scope) {
		return candidates(query.criteria(), scope);
	}

	/** Documents in the scope matching the criteria, at most {@link #CANDIDATES}. */
	public List<Document> candidates(Criteria matching, Criteria scope) {
		Query found = Query.query(new Criteria().andOperator(scope, matching)).limit(CANDIDATES);
		this.source.fields().forEach(found.fields()::include);
		found.fields().include(SearchTerms.FIELD);
		return this.mongo.find(found, Document.class, this.source.collection());
	}

	/** Scores documents of this collection, dropping those that do not match. */
	public List<SearchHit> score(List<Document> documents, SearchQuery query) {
		List<SearchHit> hits = new ArrayList<>();
		for (Document document : documents) {
			double score = this.source.termsOf(document).score(query);
			if (score > 0) {
				hits.add(this.source.hitOf(document, score));
			}
		}
		return hits;
	}

	/** Best first (ties by title), cut to {@code size}. */
	public static List<SearchHit> best(List<SearchHit> hits, int size) {
		return hits.stream()
			.sorted(Comparator.comparingDouble(SearchHit::score).reversed().thenComparing(SearchHit::title))
			.limit(size)
			.toList();
	}

	/** What a service says about one of its collections. */
	public interface Source {

		String collection();

		/** The field a save increments, filtered on with {@code _id} when terms are written to a stored document. */
		String versionField();

		/** The fields {@link #termsOf} and {@link #hitOf} read. */
		List<String> fields();

		/** The terms of a document as stored (field names as in the collection). */
		SearchTerms termsOf(Document document);

		SearchHit hitOf(Document document, double score);

		/** The document as it is about to be written, with its terms. */
		default Document withTerms(Document document) {
			document.put(SearchTerms.FIELD, termsOf(document).terms());
			return document;
		}

		/** A source for a collection with its fields, version field, terms and hit. */
		static Source of(String collection, String versionField, List<String> fields,
				Function<Document, SearchTerms> terms, HitFunction hit) {
			return new Source() {
				@Override
				public String collection() {
					return collection;
				}

				@Override
				public String versionField() {
					return versionField;
				}

				@Override
				public List<String> fields() {
					return fields;
				}

				@Override
				public SearchTerms termsOf(Document document) {
					return terms.apply(document);
				}

				@Override
				public SearchHit hitOf(Document document, double score) {
					return hit.apply(document, score);
				}
			};
		}

	}

	/** Names a hit from its document and score. */
	@FunctionalInterface
	public interface HitFunction {

		SearchHit apply(Document document, double score);

	}

}
