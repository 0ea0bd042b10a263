/**
 * Webhooks to the departments' systems: subscriptions (URL host and port on an allow-list, public addresses only, event
 * types, secret), and signed deliveries of the CloudEvent, retried with back-off behind a circuit breaker per endpoint.
 */
package com.chairside.notification.webhook;
