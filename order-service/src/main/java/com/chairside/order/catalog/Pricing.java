package com.chairside.order.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The price of a product in a currency on a day: from the price list of that currency valid that day, else (in the
 * product's own currency) its list price.
 */
@Component
public class Pricing {

	private final CatalogCache catalog;

	Pricing(CatalogCache catalog) {
		this.catalog = catalog;
	}

	public Optional<Money> priceOf(Product product, String currency, LocalDate day) {
		for (PriceList list : this.catalog.priceLists(currency)) {
			if (list.validOn(day)) {
				BigDecimal price = list.prices().get(product.sku());
				return Optional.ofNullable(price).map((amount) -> new Money(amount, currency));
			}
		}
		return product.listPrice().currency().equals(currency) ? Optional.of(product.listPrice()) : Optional.empty();
	}

}
