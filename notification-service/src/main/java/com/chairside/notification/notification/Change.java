package com.chairside.notification.notification;

/** One field of an order that changed, as the recipient reads it: {@code before → after}. */
public record Change(String field, String before, String after) {
}
