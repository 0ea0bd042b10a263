package com.chairside.order.catalog;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The price lists, per currency. */
public interface PriceLists extends MongoRepository<PriceList, String> {

	List<PriceList> findByCurrencyOrderByValidFromDesc(String currency);

	List<PriceList> findAllByOrderByCurrencyAscValidFromDesc();

}
