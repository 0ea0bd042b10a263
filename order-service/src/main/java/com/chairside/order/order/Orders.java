package com.chairside.order.order;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Every order; region-scoped finders keep account managers inside their region. */
public interface Orders extends MongoRepository<Order, String> {

	Optional<Order> findByIdAndRegion(String id, String region);

	Page<Order> findByRegion(String region, Pageable page);

	Page<Order> findByAccountId(String accountId, Pageable page);

	Page<Order> findByAccountIdAndRegion(String accountId, String region, Pageable page);

	/** The orders the delivery watch looks at. */
	List<Order> findByStatusInAndCommittedDeliveryDateNotNull(Collection<OrderStatus> statuses);

}
