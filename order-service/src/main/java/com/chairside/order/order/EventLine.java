package com.chairside.order.order;

import java.util.List;

import com.chairside.order.catalog.Money;
import com.chairside.order.catalog.ProductLine;

/** An order line as events publish it: no product names, which consumers look up in the catalogue if they need them. */
public record EventLine(String sku, ProductLine productLine, int quantity, Money unitPrice, Money lineTotal) {

	static List<EventLine> of(List<OrderLine> lines) {
		return lines.stream()
			.map((l) -> new EventLine(l.sku(), l.productLine(), l.quantity(), l.unitPrice(), l.lineTotal()))
			.toList();
	}

}
