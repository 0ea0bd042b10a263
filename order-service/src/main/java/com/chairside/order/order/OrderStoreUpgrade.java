package com.chairside.order.order;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Orders stored before issue 5 have the status {@code PLACED}, which is {@code SUBMITTED} now. One conditional update
 * per start, harmless to repeat and to run on several replicas at once.
 */
@Component
class OrderStoreUpgrade implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OrderStoreUpgrade.class);

	private final MongoTemplate mongo;

	OrderStoreUpgrade(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public void run(ApplicationArguments args) {
		long upgraded = this.mongo
			.updateMulti(Query.query(Criteria.where("status").is("PLACED")),
					new Update().set("status", OrderStatus.SUBMITTED.name()), Order.class)
			.getModifiedCount();
		if (upgraded > 0) {
			log.info("{} orders placed before issue 5 are now SUBMITTED", upgraded);
		}
	}

}
