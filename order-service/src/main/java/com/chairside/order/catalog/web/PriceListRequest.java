package com.chairside.order.catalog.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.chairside.order.catalog.PriceList;

/** {@code POST /api/products/price-lists} (admin): prices per SKU in one currency for a period. */
record PriceListRequest(@NotBlank String id, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
		@NotNull LocalDate validFrom, @NotNull LocalDate validUntil, @NotEmpty Map<String, @NotNull BigDecimal> prices) {

	@AssertTrue(message = "validUntil must not be before validFrom")
	boolean isPeriod() {
		return this.validFrom == null || this.validUntil == null || !this.validUntil.isBefore(this.validFrom);
	}

	PriceList toPriceList() {
		return new PriceList(this.id.strip(), this.currency, this.validFrom, this.validUntil, Map.copyOf(this.prices));
	}

}
