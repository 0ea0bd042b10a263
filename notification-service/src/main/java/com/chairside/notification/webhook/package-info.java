/**
 * Webhooks to the departments' systems: subscriptions (URL host on an allow-list, event types, secret), and signed
 * deliveries of the CloudEvent, retried with back-off behind a circuit breaker per endpoint.
 */
package com.chairside.notification.webhook;
