package com.chairside.order.catalog;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The product catalogue. */
public interface Catalog extends MongoRepository<Product, String> {

	List<Product> findAllByOrderBySkuAsc();

}
