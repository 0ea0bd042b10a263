package com.chairside.order.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.chairside.order.catalog.Money;
import com.chairside.order.catalog.ProductLine;

/** An order line as events publish it: no product names, which consumers look up in the catalogue if they need them. */
public record EventLine(String sku, ProductLine productLine, int quantity, Money unitPrice, Money lineTotal,
		Map<String, String> options, String discountPercent) {

	static List<EventLine> of(List<OrderLine> lines) {
		return lines.stream()
			.map((l) -> new EventLine(l.sku(), l.productLine(), l.quantity(), l.unitPrice(), l.lineTotal(), l.options(),
					percent(l.discountPercent())))
			.toList();
	}

	static String percent(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

}
