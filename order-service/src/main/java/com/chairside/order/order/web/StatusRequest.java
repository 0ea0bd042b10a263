package com.chairside.order.order.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import com.chairside.order.order.OrderStatus;

/** {@code POST /api/orders/{id}/status}: the next fulfilment state; CONFIRMED needs the committed delivery date. */
public record StatusRequest(@NotNull OrderStatus status, LocalDate committedDeliveryDate) {
}
