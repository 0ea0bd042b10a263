/**
 * Notifications: one per event, recipient (a department or a person) and channel. Status model: {@code delivery} is
 * the e-mail's PENDING → SENT | FAILED (with {@code lastError}); {@code inbox} is UNREAD → READ → ACKNOWLEDGED; the
 * single {@code status} readers see is ACKNOWLEDGED once acknowledged, otherwise the delivery's. Sent, failed,
 * acknowledged and escalated are published on {@code chairside.notifications} through the outbox.
 */
package com.chairside.notification.notification;
