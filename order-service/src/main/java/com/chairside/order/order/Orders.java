package com.chairside.order.order;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/**
 * Every order; region-scoped finders keep account managers inside their region. A single order is read by its id
 * (or its unique number) alone and its region checked in {@link OrderManagement} (see
 * {@code com.chairside.platform.persistence}).
 */
public interface Orders extends MongoRepository<Order, String> {

	Page<Order> findByRegion(String region, Pageable page);

	/** By the unique, sparse index on the number. */
	Optional<Order> findByNumber(String number);

	Page<Order> findByAccountId(String accountId, Pageable page);

	Page<Order> findByAccountIdAndRegion(String accountId, String region, Pageable page);

	/** The orders the delivery watch looks at. */
	List<Order> findByStatusInAndCommittedDeliveryDateNotNull(Collection<OrderStatus> statuses);

}
