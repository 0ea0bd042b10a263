package com.chairside.order.order.web;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import com.chairside.order.order.OrderManagement.RequestedLine;

/** One line of an order request: a catalogue SKU, how many, the chosen options and a discount in per cent. */
public record LineRequest(@NotBlank String sku, @Min(1) @Max(1000) int quantity, Map<String, String> options,
		@DecimalMin("0") @DecimalMax("100") BigDecimal discountPercent) {

	RequestedLine toLine() {
		return new RequestedLine(this.sku.strip(), this.quantity, this.options, this.discountPercent);
	}

}
