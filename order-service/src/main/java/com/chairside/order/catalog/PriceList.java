package com.chairside.order.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Prices per SKU in one currency, valid from one date to another (both inclusive). Pricing an order reads a
 * currency's lists newest first ({@link CatalogCache} reads them all in that order), hence the index.
 */
@Document("price_lists")
@CompoundIndex(name = "currency_newest", def = "{'currency': 1, 'validFrom': -1}")
public record PriceList(@Id String id, String currency, LocalDate validFrom, LocalDate validUntil,
		Map<String, BigDecimal> prices) {

	public boolean validOn(LocalDate day) {
		return !day.isBefore(this.validFrom) && !day.isAfter(this.validUntil);
	}

}
