package com.chairside.order.order.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.chairside.order.order.OrderManagement.NewOrder;

/**
 * {@code POST /api/orders}: submitted at once, or kept as a quote with {@code "draft": true}; priced from the
 * price list of {@code currency} (USD when not given).
 */
public record PlaceOrderRequest(
		@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}", message = "must be an account id") String accountId, @NotEmpty @Size(max = 100) List<@Valid @NotNull LineRequest> lines,
		@NotNull @FutureOrPresent LocalDate requestedDeliveryDate, @Size(max = 500) String deliverySite,
		@Pattern(regexp = "[A-Z]{3}") String currency, Boolean draft) {

	boolean isDraft() {
		return Boolean.TRUE.equals(this.draft);
	}

	NewOrder toNewOrder() {
		return new NewOrder(this.accountId.strip(), this.lines.stream().map(LineRequest::toLine).toList(),
				this.requestedDeliveryDate, (this.deliverySite != null) ? this.deliverySite.strip() : null,
				(this.currency != null) ? this.currency : "USD");
	}

}
