package com.chairside.order.order.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.chairside.order.order.OrderManagement.OrderChange;

/** {@code PATCH /api/orders/{id}}: the lines given replace the order's lines; the reason is told to the departments. */
public record ChangeOrderRequest(@NotBlank @Size(max = 1000) String reason,
		@Size(min = 1, max = 100) List<@Valid @NotNull LineRequest> lines, @FutureOrPresent LocalDate requestedDeliveryDate,
		@Size(min = 1, max = 500) String deliverySite) {

	@AssertTrue(message = "give the new lines, the new requestedDeliveryDate, the new deliverySite, or several")
	boolean isChangingSomething() {
		return this.lines != null || this.requestedDeliveryDate != null || this.deliverySite != null;
	}

	OrderChange toChange() {
		return new OrderChange(this.reason.strip(),
				(this.lines != null) ? this.lines.stream().map(LineRequest::toLine).toList() : null,
				this.requestedDeliveryDate, (this.deliverySite != null) ? this.deliverySite.strip() : null);
	}

}
