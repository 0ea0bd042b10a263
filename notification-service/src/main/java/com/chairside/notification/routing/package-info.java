/**
 * Routing: stored rules (event type and conditions on the event → departments, owners, resellers, named people)
 * decide who an event reaches; default rules are seeded once per database.
 */
package com.chairside.notification.routing;
