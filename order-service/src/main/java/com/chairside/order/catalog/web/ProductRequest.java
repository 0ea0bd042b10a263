package com.chairside.order.catalog.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.chairside.order.catalog.Category;
import com.chairside.order.catalog.Money;
import com.chairside.order.catalog.Product;
import com.chairside.order.catalog.ProductLine;

/** {@code PUT /api/products/{sku}} (admin). */
record ProductRequest(@NotBlank String name, @NotNull ProductLine productLine, @NotNull Category category,
		@NotNull @DecimalMin("0.00") @DecimalMax("99999999.99") BigDecimal listPrice, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
		Map<String, List<String>> options, @Min(0) @Max(730) int leadTimeDays) {

	Product toProduct(String sku) {
		return new Product(sku, this.name.strip(), this.productLine, this.category, new Money(this.listPrice, this.currency),
				this.options, this.leadTimeDays);
	}

}
