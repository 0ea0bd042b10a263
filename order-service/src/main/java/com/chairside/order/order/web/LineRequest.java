package com.chairside.order.order.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import com.chairside.order.order.OrderManagement.RequestedLine;

/** One line of an order request: a catalogue SKU and how many. */
public record LineRequest(@NotBlank String sku, @Min(1) @Max(1000) int quantity) {

	RequestedLine toLine() {
		return new RequestedLine(this.sku.strip(), this.quantity);
	}

}
