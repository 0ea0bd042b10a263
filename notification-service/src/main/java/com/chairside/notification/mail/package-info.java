/** Delivers notifications by e-mail through SMTP (plain text and HTML from templates), retried and guarded by a circuit breaker. */
package com.chairside.notification.mail;
