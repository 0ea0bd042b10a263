package com.chairside.order.order.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The reason of {@code POST /api/orders/{id}/cancel}, of {@code .../cancellation-request} and of a rejection
 * ({@code .../cancellation-request/reject}, {@code .../discount-approval/reject}).
 */
public record CancelOrderRequest(@NotBlank @Size(max = 1000) String reason) {
}
