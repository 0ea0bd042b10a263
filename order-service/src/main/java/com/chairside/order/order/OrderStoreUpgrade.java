package com.chairside.order.order;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.chairside.platform.persistence.ConditionalWrites;

/**
 * Brings orders stored by older versions up to date at each start, harmless to repeat and to run on several replicas
 * at once: the status {@code PLACED} is {@code SUBMITTED} now, and an order without a number gets one.
 */
@Component
class OrderStoreUpgrade implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OrderStoreUpgrade.class);

	private final MongoTemplate mongo;

	private final ConditionalWrites writes;

	private final OrderNumbers numbers;

	private final Clock clock;

	OrderStoreUpgrade(MongoTemplate mongo, ConditionalWrites writes, OrderNumbers numbers, Clock clock) {
		this.mongo = mongo;
		this.writes = writes;
		this.numbers = numbers;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		long upgraded = this.mongo
			.updateMulti(Query.query(Criteria.where("status").is("PLACED")),
					new Update().set("status", OrderStatus.SUBMITTED.name()), Order.class)
			.getModifiedCount();
		if (upgraded > 0) {
			log.info("{} orders stored with the old PLACED status are now SUBMITTED", upgraded);
		}
		number();
	}

	/**
	 * Numbers the orders stored before numbers existed, in the order they were drafted, each in the year it was
	 * drafted. Each is one write conditional on the order's id and the version read; the version moves with it, so that a save based on the order as read before (without its number) fails
	 * instead of removing the number. An order saved meanwhile is numbered by its next change or the next start; a
	 * replica that loses the race leaves a gap in the numbers, nothing else.
	 */
	private void number() {
		Query unnumbered = Query.query(Criteria.where("number").exists(false));
		unnumbered.fields().include("_id").include("version").include("draftedAt");
		List<Order> orders = new ArrayList<>(this.mongo.find(unnumbered, Order.class));
		orders.sort(Comparator.comparing(Order::draftedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
		long numbered = 0;
		for (Order order : orders) {
			Instant drafted = (order.draftedAt() != null) ? order.draftedAt() : this.clock.instant();
			numbered += this.writes.updateIf(Order.class, order.id(), "version", order.version(),
					new Update().set("number", this.numbers.next(drafted)).inc("version", 1)) ? 1 : 0;
		}
		if (numbered > 0) {
			log.info("{} orders stored before order numbers existed have one now", numbered);
		}
	}

}
