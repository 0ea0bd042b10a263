package com.chairside.order.catalog;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A catalogue item, identified by its SKU, at its list price. */
@Document("products")
public record Product(@Id String sku, String name, ProductLine productLine, Category category, Money listPrice) {
}
