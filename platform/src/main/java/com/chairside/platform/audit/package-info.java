/**
 * The audit trail of each service: every write and every refused request, appended to the service's own
 * {@code audit} collection (who, what, which record, when, trace id, allowed or denied), read by admins at
 * {@code GET /api/audit}. Never the body, the token or query values.
 */
package com.chairside.platform.audit;
