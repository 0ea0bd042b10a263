/**
 * notification-service: every department and person an order change, a cancellation, a delivery risk, a lead
 * assignment or a channel conflict concerns hears of it once (in-app inbox, e-mail, webhooks), acknowledges it, and
 * the sales manager hears of what is not acknowledged in time. See the packages: intake (events read), routing
 * (rules), notification (the inbox and its states), mail, webhook, escalation, accounts (owners).
 */
package com.chairside.notification;
