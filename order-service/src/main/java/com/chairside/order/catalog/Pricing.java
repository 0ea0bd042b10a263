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

	private final PriceLists priceLists;

	Pricing(PriceLists priceLists) {
		this.priceLists = priceLists;
	}

	public Optional<Money> priceOf(Product product, String currency, LocalDate day) {
		for (PriceList list : this.priceLists.findByCurrencyOrderByValidFromDesc(currency)) {
			if (list.validOn(day)) {
				BigDecimal price = list.prices().get(product.sku());
				return Optional.ofNullable(price).map((amount) -> new Money(amount, currency));
			}
		}
		return product.listPrice().currency().equals(currency) ? Optional.of(product.listPrice()) : Optional.empty();
	}

}
