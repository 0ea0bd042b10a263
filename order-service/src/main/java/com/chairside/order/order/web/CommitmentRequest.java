package com.chairside.order.order.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code PUT /api/orders/{id}/commitment}: reschedules the committed delivery date, for a reason. */
public record CommitmentRequest(@NotNull LocalDate committedDeliveryDate, @NotBlank @Size(max = 1000) String reason) {
}
