package com.chairside.order.order;

import java.time.Instant;
import java.time.ZoneOffset;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Hands out order numbers, {@code SO-<year>-<six digits>}: one counter document per year in {@code order_numbers},
 * moved by a single atomic {@code findAndModify} {@code $inc} (upserting the year's first), so no two orders, on
 * any replica, get the same number. A number taken by a request that then fails is not reused (numbers may have gaps).
 */
@Component
public class OrderNumbers {

	static final String COLLECTION = "order_numbers";

	private final MongoTemplate mongo;

	OrderNumbers(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** The next number of the year (UTC) of {@code at}. */
	public String next(Instant at) {
		int year = at.atZone(ZoneOffset.UTC).getYear();
		return format(year, increment(year));
	}

	static String format(int year, long sequence) {
		return "SO-%d-%06d".formatted(year, sequence);
	}

	private long increment(int year) {
		try {
			return incrementOnce(year);
		}
		catch (DuplicateKeyException ex) {
			// two first numbers of a year at once: the other upsert created the counter, which is now incremented
			return incrementOnce(year);
		}
	}

	private long incrementOnce(int year) {
		Query counter = Query.query(Criteria.where("_id").is(String.valueOf(year)));
		FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
		return this.mongo.findAndModify(counter, new Update().inc("last", 1L), options, Document.class, COLLECTION)
			.get("last", Number.class)
			.longValue();
	}

}
