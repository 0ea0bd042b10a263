package com.chairside.order.order.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PATCH /api/orders/{id}}: the lines given replace the order's lines; the reason is told to the departments. */
public record ChangeOrderRequest(@NotBlank @Size(max = 1000) String reason,
		@Size(min = 1, max = 100) List<@Valid @NotNull LineRequest> lines, @FutureOrPresent LocalDate requestedDeliveryDate) {

	@AssertTrue(message = "give the new lines, the new requestedDeliveryDate, or both")
	boolean isChangingSomething() {
		return this.lines != null || this.requestedDeliveryDate != null;
	}

}
