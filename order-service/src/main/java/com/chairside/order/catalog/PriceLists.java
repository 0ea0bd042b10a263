package com.chairside.order.catalog;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The price lists, per currency. */
public interface PriceLists extends MongoRepository<PriceList, String> {

	List<PriceList> findAllByOrderByCurrencyAscValidFromDesc();

}
