package com.chairside.order.order.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/orders/{id}/cancel} */
public record CancelOrderRequest(@NotBlank @Size(max = 1000) String reason) {
}
