package com.chairside.order.catalog;

import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A catalogue item, identified by its SKU, at its list price; {@code options} names each option (upholstery colour,
 * delivery-unit configuration, cabinetry dimensions, finish) with the values it may take, and {@code leadTimeDays} how
 * long production takes before it can ship.
 */
@Document("products")
public record Product(@Id String sku, String name, ProductLine productLine, Category category, Money listPrice,
		Map<String, List<String>> options, int leadTimeDays) {

	public Product {
		options = (options != null) ? Map.copyOf(options) : Map.of();
	}

}
