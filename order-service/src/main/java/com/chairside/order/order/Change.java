package com.chairside.order.order;

/** One thing an order change altered, as the departments read it: {@code lines[TC-ORTHO-200].quantity 2 -> 3}. */
public record Change(String field, String before, String after) {
}
