package com.chairside.notification.webhook;

import java.util.List;

/** {@code {"department":"FINANCE","url":"https://...","eventTypes":["OrderCancelled"],"secret":"..."}} */
public record SubscriptionRequest(String department, String url, List<String> eventTypes, String secret) {
}
