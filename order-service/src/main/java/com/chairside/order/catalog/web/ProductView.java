package com.chairside.order.catalog.web;

import java.util.List;
import java.util.Map;

import com.chairside.order.catalog.Category;
import com.chairside.order.catalog.Money;
import com.chairside.order.catalog.Product;
import com.chairside.order.catalog.ProductLine;

/** A catalogue item as the sales UI shows it. */
record ProductView(String sku, String name, ProductLine productLine, Category category, Money listPrice,
		Map<String, List<String>> options, int leadTimeDays) {

	static ProductView of(Product p) {
		return new ProductView(p.sku(), p.name(), p.productLine(), p.category(), p.listPrice(), p.options(),
				p.leadTimeDays());
	}

}
