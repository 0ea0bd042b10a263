/** Delivers notifications by e-mail through SMTP, retried and guarded by a circuit breaker. */
package com.chairside.notification.mail;
