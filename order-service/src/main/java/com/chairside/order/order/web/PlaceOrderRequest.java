package com.chairside.order.order.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/orders} */
public record PlaceOrderRequest(@NotBlank String accountId, @NotEmpty @Size(max = 100) List<@Valid @NotNull LineRequest> lines,
		@NotNull @FutureOrPresent LocalDate requestedDeliveryDate) {
}
