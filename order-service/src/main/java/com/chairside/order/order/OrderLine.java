package com.chairside.order.order;

import java.math.BigDecimal;
import java.util.Map;

import com.chairside.order.catalog.Money;
import com.chairside.order.catalog.Product;
import com.chairside.order.catalog.ProductLine;

/**
 * A catalogue item ordered in a quantity with its chosen options, priced when it was ordered, less a line discount in
 * per cent; the product's lead time is kept, so the delivery watch needs no catalogue.
 */
public record OrderLine(String sku, String name, ProductLine productLine, int quantity, Map<String, String> options,
		Money unitPrice, BigDecimal discountPercent, Money lineTotal, int leadTimeDays) {

	public OrderLine {
		options = (options != null) ? Map.copyOf(options) : Map.of();
		discountPercent = (discountPercent != null) ? discountPercent : BigDecimal.ZERO;
	}

	static OrderLine of(Product product, Money unitPrice, int quantity, Map<String, String> options,
			BigDecimal discountPercent) {
		BigDecimal discount = (discountPercent != null) ? discountPercent : BigDecimal.ZERO;
		return new OrderLine(product.sku(), product.name(), product.productLine(), quantity, options, unitPrice, discount,
				unitPrice.times(quantity).less(discount), product.leadTimeDays());
	}

}
