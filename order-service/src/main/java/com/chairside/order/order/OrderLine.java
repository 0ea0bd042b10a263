package com.chairside.order.order;

import com.chairside.order.catalog.Money;
import com.chairside.order.catalog.Product;
import com.chairside.order.catalog.ProductLine;

/** A catalogue item ordered in a quantity, priced when it was ordered. */
public record OrderLine(String sku, String name, ProductLine productLine, int quantity, Money unitPrice, Money lineTotal) {

	static OrderLine of(Product product, int quantity) {
		return new OrderLine(product.sku(), product.name(), product.productLine(), quantity, product.listPrice(),
				product.listPrice().times(quantity));
	}

}
